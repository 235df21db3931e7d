import { CatalogueVocabulary, stem, VocabularyCache } from '../../../../bots/runtime/skills/recommendation-vocabulary';
import { storeSnapshot } from './recommendation-fixture';

describe('CatalogueVocabulary', () => {
  const es = new CatalogueVocabulary(storeSnapshot(), 'es');

  it('maps the words of the localised titles to their categories', () => {
    expect(es.categoriesFromTitles('¿Me recomiendas unas zapatillas para correr?')).toEqual(['Shoes']);
    expect(es.categoriesFromTitles('unas mallas')).toEqual(['Running Apparel']);
    expect(es.categoriesFromTitles('algo bonito')).toEqual([]);
  });

  it('lists the categories with the most available products first', () => {
    expect(es.topCategories).toEqual(['Shoes', 'Running Apparel', 'Accessories', 'Outdoor']);
    expect(es.category('running apparel')).toBe('Running Apparel');
    expect(es.titleOf('tee')).toBe('Camiseta técnica de running');
  });

  it('stems singular and plural together', () => {
    expect(stem('zapatillas')).toBe(stem('zapatilla'));
    expect(stem('pantalones')).toBe(stem('pantalon'));
    expect(stem('schuhe')).toBe(stem('schuh'));
    expect(stem('scarpe')).toBe(stem('scarpa'));
  });

  it('is rebuilt only when the catalogue changes', () => {
    const snapshot = storeSnapshot();
    const cache = new VocabularyCache();
    const first = cache.get(snapshot, 'es');
    expect(cache.get(snapshot, 'es')).toBe(first);
    snapshot.apply([], 2);
    expect(cache.get(snapshot, 'es')).not.toBe(first);
  });
});
