import type { SkillTexts } from '../skill-texts';

/** Indonesian sentences of the intent-driven skills (addressing the shopper as "Kak"). */
export const idSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      'Siap, saya cek dulu ya, Kak! Boleh minta nomor pesanannya? Nomornya ada di email konfirmasi pesanan.',
    askOrderNumberAgain:
      'Maaf, Kak, saya belum menemukan nomor pesanan di pesan tadi. Boleh dikirim ulang? Contohnya seperti A1B2C3.',
    notFound: 'Maaf, Kak, pesanan dengan nomor itu tidak ditemukan di toko kami. Boleh dicek lagi lalu dikirim ulang?',
    askEmail: 'Pesanannya sudah ketemu, Kak. Demi keamanan data, boleh sebutkan email yang dipakai saat memesan?',
    emailMismatch:
      'Maaf, Kak, email tersebut tidak cocok dengan data pesanan. Boleh dicek lagi lalu dicoba sekali lagi?',
    summary: 'Pesanan {order} {status}, Kak.',
    tracking: 'Pengirimannya lewat {carrier}, nomor resi {tracking}: {trackingUrl}',
    expected: 'Perkiraan tiba: {date}.',
    delivered: 'Paketnya sudah sampai pada {date}.',
    notShippedYet: 'Pesanannya belum keluar dari gudang kami; nomor resi akan tersedia begitu paketnya dikirim.',
  },
  orderStatuses: {
    pending: 'menunggu pembayaran',
    paid: 'sudah dibayar',
    processing: 'sedang dikemas',
    shipped: 'sudah dikirim',
    in_transit: 'dalam perjalanan',
    out_for_delivery: 'sedang diantar kurir',
    delivered: 'sudah diterima',
    cancelled: 'sudah dibatalkan',
    returned: 'sudah dikembalikan',
  },
  orderCancel: {
    askOrderNumber: 'Pesanan mana yang mau dibatalkan, Kak? Boleh kirim nomor pesanannya, ada di email konfirmasi.',
    confirm: 'Yakin mau membatalkan pesanan {order} ({items}, {total}), Kak?',
    done:
      'Pesanan sudah dibatalkan, Kak. Dana sebesar {total} akan dikembalikan ke metode pembayaran yang Kakak gunakan.',
    notAllowed:
      'Maaf, Kak, pesanan ini {status}, jadi tidak bisa dibatalkan lagi. Setelah paket diterima, Kakak bisa mengajukan pengembalian barang.',
    alreadyCancelled: 'Pesanan ini sudah dibatalkan sebelumnya, Kak, jadi tidak perlu melakukan apa-apa lagi.',
    aborted: 'Baik, Kak, pesanannya tidak saya ubah sama sekali.',
  },
  changeAddress: {
    askOrderNumber: 'Bisa, Kak! Alamat pengiriman pesanan mana yang mau diubah? Boleh kirim nomor pesanannya.',
    askAddress:
      'Boleh kirim alamat pengiriman baru untuk pesanan {order}, Kak? Mohon lengkap dengan nama jalan dan nomor rumah, kode pos, kota, dan negara.',
    addressIncomplete:
      'Sepertinya alamatnya belum lengkap, Kak. Boleh dikirim ulang dengan nama jalan, nomor rumah, kode pos, dan kota?',
    confirm: 'Pesanan {order} mau dikirim ke {address}, Kak?',
    done: 'Beres, Kak! Pesanan {order} akan dikirim ke {address}.',
    notAllowed:
      'Maaf, Kak, pesanan ini {status}, jadi alamatnya tidak bisa diubah lagi. Kakak bisa coba hubungi pihak kurir, siapa tahu paketnya masih bisa dialihkan.',
    aborted: 'Baik, Kak, alamat pengirimannya tetap seperti semula.',
  },
  confirmation: { yes: 'Ya', no: 'Tidak' },
  yesWords: [
    'ya',
    'iya',
    'iyaa',
    'iy',
    'y',
    'yoi',
    'yup',
    'ok',
    'oke',
    'okey',
    'sip',
    'siap',
    'boleh',
    'betul',
    'benar',
    'bener',
    'mau',
    'setuju',
    'lanjut',
    'yes',
  ],
  noWords: [
    'tidak',
    'tdk',
    'nggak',
    'ngga',
    'gak',
    'ga',
    'enggak',
    'engga',
    'ndak',
    'jangan',
    'tidak usah',
    'gak usah',
    'ga usah',
    'nggak usah',
    'nanti saja',
    'no',
  ],
  goodbye: 'Terima kasih sudah menghubungi kami, Kak. Semoga harinya menyenangkan!',
  thanks: 'Sama-sama, Kak! Kalau ada hal lain, jangan ragu chat lagi, ya.',
  notUnderstood:
    'Maaf, Kak, saya kurang paham maksudnya. Boleh dijelaskan dengan kalimat lain? Misalnya, saya bisa cek status pesanan, membatalkan pesanan, atau mengubah alamat pengiriman.',
  notUnderstoodHandoff:
    'Maaf, Kak, saya masih belum bisa memahami maksudnya. Saya sambungkan ke tim kami, ya, nanti dibalas di sini.',
  outOfScope:
    'Maaf, Kak, hal itu di luar yang bisa saya bantu sebagai asisten {store}. Saya bisa bantu cek status pesanan, membatalkan pesanan, atau mengubah alamat pengiriman.',
  complaintHandoff:
    'Mohon maaf sebesar-besarnya atas ketidaknyamanannya, Kak, saya paham ini mengecewakan. Tim kami akan langsung mengambil alih di sini untuk membantu menyelesaikannya.',
  interim:
    'Saya paham Kakak sedang bertanya soal {topic}. Untuk hal ini saya belum bisa menjawab dengan akurat sendiri; mau saya hubungkan dengan tim kami?',
  topics: {
    return_item: 'pengembalian barang',
    refund_status: 'status pengembalian dana',
    shipping_info: 'pengiriman',
    customs_duties: 'bea cukai dan pajak impor',
    payment_issue: 'kendala pembayaran',
    payment_methods: 'metode pembayaran',
    product_availability: 'ketersediaan stok produk',
    product_recommendation: 'rekomendasi produk',
    size_guide: 'panduan ukuran',
    discount_code: 'kode promo',
    damaged_or_wrong_item: 'barang rusak atau salah kirim',
    package_not_received: 'paket yang belum diterima',
    account_help: 'akun Kakak',
    invoice_request: 'permintaan invoice',
    warranty_repair: 'garansi dan perbaikan',
  },
  knowledge: {
    readMore: "Selengkapnya di pusat bantuan kami: {url}",
    otherLanguage: "Untuk saat ini jawaban ini hanya tersedia dalam {language}:",
    unsure: "Saya kurang yakin punya jawaban yang tepat untuk itu. Mau saya hubungkan dengan tim kami?",
    helpful: "👍 Membantu",
    notHelpful: "👎 Tidak membantu",
    thanksHelpful: "Terima kasih atas masukannya!",
    thanksNotHelpful: "Terima kasih sudah memberi tahu. Mau saya hubungkan dengan tim kami agar bisa dibantu lebih lanjut?",
  },
};
