import type { SkillTexts } from '../skill-texts';

/** Polish sentences of the intent-driven skills (impersonal phrasing that avoids both "Pan/Pani" and "ty"). */
export const plSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      'Chętnie sprawdzę! Proszę podać numer zamówienia – znajduje się w e-mailu z potwierdzeniem zamówienia.',
    askOrderNumberAgain:
      'Nie widzę numeru zamówienia w tej wiadomości. Proszę przesłać go jeszcze raz – wygląda mniej więcej tak: A1B2C3.',
    notFound: 'W naszym sklepie nie ma zamówienia o tym numerze. Proszę sprawdzić numer i przesłać go ponownie.',
    askEmail:
      'Zamówienie jest w systemie. Dla bezpieczeństwa danych proszę podać adres e-mail użyty przy składaniu zamówienia.',
    emailMismatch: 'Ten adres e-mail nie zgadza się z adresem w zamówieniu. Proszę go sprawdzić i spróbować ponownie.',
    summary: 'Zamówienie {order} {status}.',
    tracking: 'Przesyłkę dostarcza {carrier}, numer przesyłki {tracking}: {trackingUrl}',
    expected: 'Przewidywana dostawa: {date}.',
    delivered: 'Przesyłka została doręczona {date}.',
    notShippedYet:
      'Zamówienie nie opuściło jeszcze magazynu – numer przesyłki będzie dostępny, gdy tylko zostanie wysłane.',
  },
  orderStatuses: {
    pending: 'czeka na płatność',
    paid: 'jest opłacone',
    processing: 'jest w przygotowaniu',
    shipped: 'zostało wysłane',
    in_transit: 'jest w drodze',
    out_for_delivery: 'zostało wydane do doręczenia',
    delivered: 'zostało doręczone',
    cancelled: 'zostało anulowane',
    returned: 'zostało zwrócone',
  },
  orderCancel: {
    askOrderNumber: 'Które zamówienie anulować? Proszę podać jego numer z e-maila z potwierdzeniem.',
    confirm: 'Czy na pewno anulować zamówienie {order} ({items}, {total})?',
    done:
      'Gotowe, zamówienie zostało anulowane. Kwota {total} zostanie zwrócona tą samą metodą płatności, której użyto przy zakupie.',
    notAllowed: 'Niestety tego zamówienia nie można już anulować, ponieważ {status}. Po doręczeniu można je zwrócić.',
    alreadyCancelled: 'To zamówienie zostało już anulowane, nie trzeba nic więcej robić.',
    aborted: 'W porządku, zamówienie pozostaje bez zmian.',
  },
  changeAddress: {
    askOrderNumber: 'Jasne! W którym zamówieniu zmienić adres dostawy? Proszę podać numer zamówienia.',
    askAddress:
      'Proszę podać nowy adres dostawy dla zamówienia {order}: ulicę i numer, kod pocztowy, miejscowość i kraj.',
    addressIncomplete:
      'Ten adres wygląda na niepełny. Proszę przesłać go z ulicą, numerem, kodem pocztowym i miejscowością.',
    confirm: 'Czy dostarczyć zamówienie {order} na adres: {address}?',
    done: 'Gotowe! Zamówienie {order} zostanie dostarczone na adres: {address}.',
    notAllowed:
      'Niestety adresu nie można już zmienić, ponieważ zamówienie {status}. Warto skontaktować się z przewoźnikiem – być może uda się przekierować przesyłkę.',
    aborted: 'W porządku, adres dostawy pozostaje bez zmian.',
  },
  confirmation: { yes: 'Tak', no: 'Nie' },
  yesWords: [
    'tak',
    'tak jest',
    'no tak',
    'taa',
    'jasne',
    'pewnie',
    'oczywiście',
    'oczywiscie',
    'ok',
    'okej',
    'oki',
    'dobrze',
    'dobra',
    'zgoda',
    'potwierdzam',
    'jak najbardziej',
    'poproszę',
    'poprosze',
    'spoko',
    'yes',
  ],
  noWords: [
    'nie',
    'nie dziękuję',
    'nie dziekuje',
    'nie trzeba',
    'nie chcę',
    'nie chce',
    'nie teraz',
    'raczej nie',
    'jednak nie',
    'w żadnym wypadku',
    'absolutnie nie',
    'nigdy',
    'nope',
    'nie nie',
  ],
  goodbye: 'Dziękujemy za kontakt i życzymy miłego dnia!',
  thanks: 'Nie ma za co! W razie pytań zapraszam ponownie.',
  notUnderstood:
    'Przepraszam, nie do końca rozumiem. Czy można napisać to inaczej? Mogę na przykład sprawdzić status zamówienia, anulować zamówienie albo zmienić adres dostawy.',
  notUnderstoodHandoff:
    'Przepraszam, wciąż nie udaje mi się zrozumieć pytania. Przekazuję rozmowę komuś z naszego zespołu – odpowiedź pojawi się tutaj.',
  outOfScope:
    'W tej sprawie niestety nie mogę pomóc. Jako asystent sklepu {store} mogę sprawdzić status zamówienia, anulować je albo zmienić adres dostawy.',
  complaintHandoff:
    'Bardzo przepraszamy za tę sytuację i rozumiemy frustrację. Rozmowę przejmie teraz ktoś z naszego zespołu i pomoże wszystko wyjaśnić.',
  interim:
    'Rozumiem, że pytanie dotyczy {topic}. Na razie nie umiem samodzielnie udzielić rzetelnej odpowiedzi – czy połączyć z kimś z naszego zespołu?',
  topics: {
    return_item: 'zwrotu produktu',
    refund_status: 'statusu zwrotu pieniędzy',
    shipping_info: 'wysyłki i dostawy',
    customs_duties: 'cła i opłat importowych',
    payment_issue: 'problemu z płatnością',
    payment_methods: 'metod płatności',
    product_availability: 'dostępności produktu',
    product_recommendation: 'doboru produktów',
    size_guide: 'doboru rozmiaru',
    discount_code: 'kodu rabatowego',
    damaged_or_wrong_item: 'uszkodzonego lub błędnie wysłanego produktu',
    package_not_received: 'nieotrzymanej przesyłki',
    account_help: 'konta klienta',
    invoice_request: 'faktury',
    warranty_repair: 'gwarancji i naprawy',
  },
  knowledge: {
    readMore: "Więcej w naszym centrum pomocy: {url}",
    otherLanguage: "Na razie ta odpowiedź jest dostępna tylko w języku: {language}.",
    unsure: "Nie mam pewności, czy znam właściwą odpowiedź. Czy połączyć Cię z kimś z naszego zespołu?",
    helpful: "👍 Pomocne",
    notHelpful: "👎 Niepomocne",
    thanksHelpful: "Dziękujemy za opinię!",
    thanksNotHelpful: "Dziękujemy za informację. Czy połączyć Cię z kimś z naszego zespołu, kto pomoże dalej?",
  },
};
