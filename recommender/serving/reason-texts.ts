/**
 * The explanations beside recommended products, per language: one short phrase each, `{product}` being the
 * localised title of the product behind the recommendation. Written as a store would print it under a card, in the
 * register of the language's chat templates (bots/runtime/templates). Languages missing here fall back to English.
 */
import { languageCandidates } from '../catalogue';

/** The phrases of one language. */
export interface ReasonTexts {
  /** The shopper looked at (or bought) `{product}` and this goes with it. */
  becauseYouLooked: string;
  /** "Similar to this": ranked by its likeness to `{product}`, the product the shopper asked about. */
  similarTo: string;
  /** Ranked for the shopper's history as a whole (no single product stands out). */
  forYou: string;
  /** Among the most bought and viewed in the shopper's country. */
  popularInCountry: string;
  /** Among the most bought and viewed overall. */
  popularNow: string;
  /** No signal at all yet (a new store): a product from the catalogue. */
  fromCatalogue: string;
}

/** Phrases by lower-case language code. */
export const REASON_TEXTS: Readonly<Record<string, ReasonTexts>> = {
  en: {
    becauseYouLooked: 'Because you looked at {product}',
    similarTo: 'Similar to {product}',
    forYou: 'Picked for you',
    popularInCountry: 'Popular in your country',
    popularNow: 'Popular right now',
    fromCatalogue: 'From our catalogue',
  },
  es: {
    becauseYouLooked: 'Porque viste {product}',
    similarTo: 'Similar a {product}',
    forYou: 'Elegido para ti',
    popularInCountry: 'Popular en tu país',
    popularNow: 'Popular ahora mismo',
    fromCatalogue: 'De nuestro catálogo',
  },
  fr: {
    becauseYouLooked: 'Parce que vous avez regardé {product}',
    similarTo: 'Similaire à {product}',
    forYou: 'Choisi pour vous',
    popularInCountry: 'Populaire dans votre pays',
    popularNow: 'Populaire en ce moment',
    fromCatalogue: 'De notre catalogue',
  },
  pt: {
    becauseYouLooked: 'Porque você viu {product}',
    similarTo: 'Parecido com {product}',
    forYou: 'Escolhido para você',
    popularInCountry: 'Popular no seu país',
    popularNow: 'Popular agora',
    fromCatalogue: 'Do nosso catálogo',
  },
  de: {
    becauseYouLooked: 'Weil Sie sich {product} angesehen haben',
    similarTo: 'Ähnlich wie {product}',
    forYou: 'Für Sie ausgewählt',
    popularInCountry: 'Beliebt in Ihrem Land',
    popularNow: 'Gerade beliebt',
    fromCatalogue: 'Aus unserem Sortiment',
  },
  it: {
    becauseYouLooked: 'Perché hai visto {product}',
    similarTo: 'Simile a {product}',
    forYou: 'Scelto per te',
    popularInCountry: 'Popolare nel tuo paese',
    popularNow: 'Popolare in questo momento',
    fromCatalogue: 'Dal nostro catalogo',
  },
  nl: {
    becauseYouLooked: 'Omdat je {product} hebt bekeken',
    similarTo: 'Vergelijkbaar met {product}',
    forYou: 'Voor jou gekozen',
    popularInCountry: 'Populair in jouw land',
    popularNow: 'Nu populair',
    fromCatalogue: 'Uit ons assortiment',
  },
  pl: {
    becauseYouLooked: 'Ponieważ oglądałeś {product}',
    similarTo: 'Podobne do {product}',
    forYou: 'Wybrane dla Ciebie',
    popularInCountry: 'Popularne w Twoim kraju',
    popularNow: 'Teraz popularne',
    fromCatalogue: 'Z naszego katalogu',
  },
};

/** The phrases for a language tag (`pt-BR` uses `pt`), English when there are none. */
export function reasonTexts(language: string | undefined): ReasonTexts {
  if (language) {
    for (const tag of languageCandidates(language)) {
      const texts = REASON_TEXTS[tag];
      if (texts) return texts;
    }
  }
  return REASON_TEXTS.en as ReasonTexts;
}

/** A phrase with `{product}` filled in. */
export function fillReason(template: string, product?: string): string {
  return product === undefined ? template : template.replace('{product}', product);
}
