import type { SkillTexts } from '../skill-texts';

/**
 * Turkish sentences of the intent-driven skills (polite "siz"; placeholders sit where no suffix has to agree with
 * them).
 */
export const trSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      'Hemen kontrol edeyim! Sipariş numaranızı paylaşır mısınız? Numarayı sipariş onay e-postanızda bulabilirsiniz.',
    askOrderNumberAgain:
      'Mesajınızda bir sipariş numarası göremedim. Tekrar gönderebilir misiniz? A1B2C3 gibi bir numara olmalı.',
    notFound: 'Mağazamızda bu numarayla bir sipariş bulamadım. Numarayı kontrol edip tekrar gönderebilir misiniz?',
    askEmail:
      'Siparişi buldum. Bilgilerinizin güvenliği için sipariş verirken kullandığınız e-posta adresini yazar mısınız?',
    emailMismatch: 'Bu e-posta adresi siparişteki adresle eşleşmiyor. Kontrol edip tekrar dener misiniz?',
    summary: '{order} numaralı siparişiniz {status}.',
    tracking: 'Gönderiniz {carrier} ile taşınıyor, takip numarası {tracking}: {trackingUrl}',
    expected: 'Tahmini teslimat: {date}.',
    delivered: '{date} tarihinde teslim edildi.',
    notShippedYet: 'Henüz depomuzdan çıkmadı; kargoya verildiğinde takip bilgilerini de görebileceksiniz.',
  },
  orderStatuses: {
    pending: 'ödeme bekliyor',
    paid: 'onaylandı',
    processing: 'hazırlanıyor',
    shipped: 'kargoya verildi',
    in_transit: 'yolda',
    out_for_delivery: 'dağıtıma çıktı',
    delivered: 'teslim edildi',
    cancelled: 'iptal edildi',
    returned: 'iade edildi',
  },
  orderCancel: {
    askOrderNumber: 'Hangi siparişi iptal etmek istiyorsunuz? Sipariş onay e-postanızdaki numarayı yazar mısınız?',
    confirm: '{order} numaralı siparişi ({items}, {total}) iptal etmemi onaylıyor musunuz?',
    done: 'Siparişiniz iptal edildi. {total} tutarındaki iade, ödeme yaptığınız yönteme yapılacak.',
    notAllowed:
      'Üzgünüm, siparişiniz {status}, bu nedenle artık iptal edilemiyor. Teslim aldıktan sonra iade talebi oluşturabilirsiniz.',
    alreadyCancelled: 'Bu sipariş zaten iptal edilmiş, başka bir işlem yapmanıza gerek yok.',
    aborted: 'Tamam, hiçbir şeyi değiştirmedim; siparişiniz olduğu gibi duruyor.',
  },
  changeAddress: {
    askOrderNumber:
      'Tabii! Hangi siparişin teslimat adresini değiştirmek istiyorsunuz? Sipariş numarasını yazar mısınız?',
    askAddress:
      '{order} numaralı siparişiniz için yeni teslimat adresi nedir? Lütfen sokak ve bina numarası, posta kodu, şehir ve ülke bilgilerini yazın.',
    addressIncomplete:
      'Adres eksik görünüyor. Sokak, bina numarası, posta kodu ve şehir bilgileriyle tekrar gönderebilir misiniz?',
    confirm: '{order} numaralı siparişinizi şu adrese gönderelim mi? {address}',
    done: 'Tamamdır! {order} numaralı siparişiniz şu adrese teslim edilecek: {address}',
    notAllowed:
      'Üzgünüm, siparişiniz {status}, bu nedenle adres artık değiştirilemiyor. Kargo firmasıyla iletişime geçerseniz gönderiyi yönlendirebilirler.',
    aborted: 'Tamam, teslimat adresi aynı kalıyor.',
  },
  confirmation: { yes: 'Evet', no: 'Hayır' },
  yesWords: [
    'evet',
    'evt',
    'he',
    'hı hı',
    'tamam',
    'tmm',
    'tamamdır',
    'olur',
    'tabii',
    'tabi',
    'tabii ki',
    'tabiki',
    'elbette',
    'kesinlikle',
    'aynen',
    'ok',
    'okey',
    'peki',
    'onaylıyorum',
    'yes',
  ],
  noWords: [
    'hayır',
    'hayir',
    'yok',
    'yoo',
    'istemiyorum',
    'istemem',
    'gerek yok',
    'vazgeçtim',
    'vazgectim',
    'olmaz',
    'hayır teşekkürler',
    'şimdilik değil',
    'kalsın',
    'asla',
    'no',
  ],
  goodbye: 'Bize yazdığınız için teşekkürler, iyi günler dileriz!',
  thanks: 'Rica ederim! Başka bir konuda yardımcı olabileceğim bir şey olursa yazmanız yeterli.',
  notUnderstood:
    'Üzgünüm, tam olarak anlayamadım. Başka bir şekilde yazabilir misiniz? Örneğin sipariş durumunuzu kontrol edebilir, bir siparişi iptal edebilir veya teslimat adresini değiştirebilirim.',
  notUnderstoodHandoff:
    'Kusura bakmayın, sizi bir türlü anlayamadım. Sizi ekibimizden birine aktarıyorum, size buradan yanıt verecek.',
  outOfScope:
    'Bu konuda maalesef yardımcı olamıyorum. {store} asistanı olarak sipariş durumunu kontrol edebilir, siparişi iptal edebilir veya teslimat adresini değiştirebilirim.',
  complaintHandoff:
    'Yaşadığınız sorun için içtenlikle özür dilerim, ne kadar can sıkıcı olduğunu anlıyorum. Ekibimizden biri görüşmeyi hemen buradan devralacak.',
  interim:
    'Sorunuzun {topic} ile ilgili olduğunu anladım. Bu konuda henüz tek başıma güvenilir bir yanıt veremiyorum; sizi ekibimizden birine bağlamamı ister misiniz?',
  topics: {
    return_item: 'ürün iadesi',
    refund_status: 'para iadenizin durumu',
    shipping_info: 'kargo ve teslimat',
    customs_duties: 'gümrük vergileri',
    payment_issue: 'bir ödeme sorunu',
    payment_methods: 'ödeme yöntemleri',
    product_availability: 'ürün stok durumu',
    product_recommendation: 'ürün önerileri',
    size_guide: 'beden seçimi',
    discount_code: 'indirim kodu',
    damaged_or_wrong_item: 'hasarlı veya yanlış gelen ürün',
    package_not_received: 'ulaşmayan kargo',
    account_help: 'hesabınız',
    invoice_request: 'fatura talebi',
    warranty_repair: 'garanti ve onarım',
  },
  knowledge: {
    readMore: "Ayrıntılar yardım merkezimizde: {url}",
    otherLanguage: "Bu yanıt şimdilik yalnızca {language} dilinde mevcut:",
    unsure: "Buna doğru yanıtı verebileceğimden emin değilim. Sizi ekibimizden biriyle bağlayayım mı?",
    helpful: "👍 Faydalı",
    notHelpful: "👎 Faydalı değil",
    thanksHelpful: "Geri bildiriminiz için teşekkürler!",
    thanksNotHelpful: "Bildirdiğiniz için teşekkürler. Sizi yardımcı olabilecek bir ekip arkadaşımıza bağlayayım mı?",
  },
  riskCheck: {
    codeSent: "Siparişinizi korumak için {email} adresine 6 haneli bir kod gönderdim. Devam etmek için lütfen kodu buraya yazın.",
    codeWrong: "Bu kod doğru değil. Lütfen e-postayı kontrol edip tekrar deneyin ({remaining} deneme hakkınız kaldı).",
    codeExpired: "Bu kodun süresi doldu. Talebinizi tekrarlarsanız size yeni bir kod gönderirim.",
    askCode: "Devam etmek için lütfen size gönderdiğim e-postadaki 6 haneli kodu yazın.",
    handoff: "Sabrınız için teşekkürler! Ekibimizden bir arkadaşımız bu talebi inceleyip burada sizinle devam edecek.",
    emailSubject: "{store}: doğrulama kodunuz",
    emailBody: "Doğrulama kodunuz {code}. Kod {minutes} dakika geçerlidir. Bu kodu siz istemediyseniz bu e-postayı yok sayabilirsiniz.",
    refundRequestPhrases: ["iade istiyorum", "para iadesi istiyorum", "paramı geri istiyorum", "paramı iade edin", "iade talep", "geri ödeme istiyorum"],
    paymentChangePhrases: ["ödeme yöntemini değiştir", "ödeme yöntemimi değiştir", "başka bir kart", "kartımı değiştir", "kartı değiştir", "kartımı güncelle", "başka kartla"],
  },
};
