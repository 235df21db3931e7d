/** Every recommender kind: train -> serialize -> load gives the same recommendations, and loading checks the kind. */
import { gzipSync } from 'node:zlib';
import { artefactKind, InteractionData, loadRecommender, RecommenderArtefactError, recommenderTrainers } from '../../../recommender';
import { chainSequences, groupCatalogue } from '../support/generated-sequences';

const data = InteractionData.fromSequences(
  chainSequences({ users: 120, items: 30, length: 5 }).map((s, u) => ({ ...s, country: u % 2 ? 'DE' : 'ES' })),
  { catalogue: groupCatalogue(3, 10) },
);
const histories = [['i1', 'i10', 'i3'], ['i7'], [], ['unknown-item', 'i2']];

describe.each([...recommenderTrainers().keys()])('the %s recommender', (kind) => {
  const trainer = recommenderTrainers().get(kind)!;

  it('recommends the same after a serialisation round trip', async () => {
    const model = await trainer.fit(data, trainer.defaults);
    const artefact = model.serialize();
    expect(artefactKind(artefact)).toBe(kind);
    const loaded = loadRecommender(artefact);
    expect(loaded.kind).toBe(kind);
    for (const history of histories) {
      for (const country of [undefined, 'DE']) {
        const request = { history, k: 10, ...(country ? { country } : {}) };
        expect(loaded.recommend(request)).toEqual(model.recommend(request));
      }
    }
  });

  it('returns k items best first, none of them in the history or excluded', async () => {
    const model = await trainer.fit(data, trainer.defaults);
    const recs = model.recommend({ history: ['i1', 'i2'], k: 8, exclude: ['i3'] });
    expect(recs).toHaveLength(8);
    expect(recs.map((r) => r.item)).not.toContain('i1');
    expect(recs.map((r) => r.item)).not.toContain('i2');
    expect(recs.map((r) => r.item)).not.toContain('i3');
    const scores = recs.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('never answers a shopper with no history with nothing', async () => {
    const model = await trainer.fit(data, trainer.defaults);
    expect(model.recommend({ history: [], k: 5 })).toHaveLength(5);
  });

  it('refuses an artefact of another kind or version, saying to retrain', async () => {
    const other = kind === 'popularity' ? 'item-knn' : 'popularity';
    const foreign = await recommenderTrainers().get(other)!.fit(data, recommenderTrainers().get(other)!.defaults);
    expect(() => trainer.load(foreign.serialize())).toThrow(RecommenderArtefactError);
    expect(() => trainer.load(foreign.serialize())).toThrow(/retrain/);
  });
});

describe('loadRecommender', () => {
  it('rejects bytes that are not a recommender artefact', () => {
    expect(() => loadRecommender(Buffer.from('not gzip'))).toThrow(RecommenderArtefactError);
    expect(() => loadRecommender(gzipSync(Buffer.from('{}')))).toThrow(/not a recommender artefact/);
  });
});
