/**
 * Frustration lexicons for zh, ja, ko, th (matched as substrings: entries avoid syllables common inside other
 * words, e.g. not 垃圾 alone because of 垃圾袋 "bin bags", not 사기 alone because of 사기 전에 "before buying"),
 * and vi, id (word boundaries). See `FrustrationLexicon` for the entry syntax.
 */
import type { FrustrationLexicon } from './frustration-lexicon';

/** Lexicons of zh, ja, ko, th, vi, id. */
export const ASIAN_LEXICONS: Readonly<Record<string, FrustrationLexicon>> = {
  zh: {
    substring: true,
    threat: ['律师', '起诉', '法院', '报警', '警察', '消协', '消费者协会', '打12315', '12315投诉', '工商局', '市场监管', '拒付',
      '我要投诉', '投诉你们', '曝光你们', '黑猫投诉', '媒体曝光'],
    insult: ['垃圾机器人', '破机器人', '傻逼', '傻b', '白痴', '蠢货', '废物', '骗子', '混蛋', '王八蛋', '脑残', '智障'],
    profanity: ['他妈的', '妈的', '操你', '卧槽', '我靠', '去你的'],
    anger: ['太过分', '过分了', '离谱', '搞什么', '什么破', '垃圾服务', '垃圾平台', '垃圾客服', '垃圾店', '真垃圾',
      '什么垃圾', '最差', '差评', '太差了', '骗人', '坑人', '诈骗', '欺诈', '气死', '生气', '受够了', '忍无可忍',
      '再也不买', '投诉', '坑爹', '开玩笑吗', '无语'],
    annoyance: ['失望', '还没', '到底', '多少次', '第三次', '没人回复', '没人理', '一直没有', '怎么还'],
  },
  ja: {
    substring: true,
    threat: ['弁護士', '訴え', '訴訟', '裁判', '警察', '通報', '消費者センター', '消費者庁', '国民生活センター',
      'チャージバック'],
    insult: ['役立たず', '使えない', '使えねー', 'ポンコツ', '馬鹿', 'バカにして', 'アホか', 'クズ', '無能', '詐欺師',
      'ゴミ対応', 'ゴミ会社'],
    profanity: ['くそ', 'クソ', '糞', 'ちくしょう', '畜生', 'くたばれ'],
    anger: ['ふざけるな', 'ふざけんな', 'ふざけてる', 'いい加減にして', 'いい加減にしろ', 'ありえない', 'あり得ない',
      '最悪', '最低な', '最低だ', '最低の対応', 'ひどすぎ', 'ひどい', '酷い', '詐欺', '騙された', 'だまされた',
      '腹立つ', '腹が立つ', 'ムカつく', 'むかつく', '二度と買わない', '頭にくる', '舐めてる', 'なめてる', '怒り'],
    annoyance: ['がっかり', '残念', 'まだ届かない', 'まだ届いていない', '何度も', '何回も', '三回目', '返事がない',
      '返信がない', '連絡がない', 'いつまで'],
  },
  ko: {
    substring: true,
    threat: ['변호사', '고소하', '고소할', '고소 하', '소송', '경찰', '신고하겠', '신고할', '소비자원', '소비자보호원',
      '공정위', '공정거래위원회', '차지백', '법적 조치', '법적조치'],
    insult: ['쓸모없는 봇', '쓸모없', '멍청', '바보', '병신', '등신', '무능', '사기꾼', '거짓말쟁이', '쓰레기 같', '완전 쓰레기'],
    profanity: ['씨발', '시발', '씨바', 'ㅅㅂ', 'ㅆㅂ', '존나', '졸라', '개새끼', '지랄', '엿먹어', 'ㅈㄹ'],
    anger: ['어이없', '황당', '말이 안', '말도 안', '최악', '사기 치', '사기치', '사기당', '사기야', '사기네', '완전 사기',
      '장난하', '장난해', '화가 나', '화나', '짜증', '열받', '다시는 안', '다신 안', '너무하', '어처구니', '미친'],
    annoyance: ['실망', '아직도', '몇 번', '몇번', '세 번째', '답이 없', '답장이 없', '연락이 없'],
  },
  th: {
    substring: true,
    threat: ['ทนาย', 'ตำรวจ', 'แจ้งความ', 'ฟ้องร้อง', 'ฟ้อง', 'สคบ', 'คุ้มครองผู้บริโภค', 'ขึ้นศาล'],
    insult: ['บอทโง่', 'ไร้ประโยชน์', 'โง่', 'ควาย', 'ปัญญาอ่อน', 'ขี้โกง', 'โกหก', 'มิจฉาชีพ'],
    profanity: ['เหี้ย', 'สัส', 'ควย', 'แม่ง', 'เชี่ย', 'ระยำ'],
    anger: ['ไร้สาระ', 'รับไม่ได้', 'แย่มาก', 'แย่ที่สุด', 'ห่วยแตก', 'ห่วย', 'โกง', 'หลอกลวง', 'โมโห', 'โกรธ',
      'หงุดหงิด', 'ไม่ซื้ออีกแล้ว', 'ทุเรศ'],
    annoyance: ['ผิดหวัง', 'ยังไม่ได้', 'อีกแล้ว', 'กี่ครั้ง', 'ครั้งที่สาม', 'ไม่มีใครตอบ', 'ไม่ตอบ', 'เบื่อ'],
  },
  vi: {
    keepAccents: true,
    threat: ['luật sư', 'kiện', 'khởi kiện', 'công an', 'cảnh sát', 'báo công an', 'bảo vệ người tiêu dùng',
      'tố cáo'],
    insult: ['bot vô dụng', 'vô dụng', 'ngu', 'ngu ngốc', 'đồ ngu', 'kém cỏi', 'dối trá', 'bọn lừa đảo'],
    profanity: ['đm', 'đéo', 'vãi', 'vl', 'vcl', 'đụ', 'địt', 'cứt', 'mẹ kiếp'],
    anger: ['vô lý', 'quá đáng', 'không thể chấp nhận', 'tệ nhất', 'dịch vụ tệ', 'tồi tệ', 'lừa đảo', 'bực mình',
      'tức giận', 'không bao giờ mua nữa', 'khiếu nại'],
    annoyance: ['thất vọng', 'vẫn chưa', 'lại nữa', 'bao nhiêu lần', 'lần thứ ba', 'không ai trả lời',
      'không có phản hồi', 'chán'],
  },
  id: {
    threat: ['pengacara', 'lapor polisi', 'polisi', 'somasi', 'gugat*', 'pengadilan', 'ylki', 'bpkn',
      'perlindungan konsumen', 'viralkan', 'viral kan'],
    insult: ['bot tidak berguna', 'tidak berguna', 'gak berguna', 'nggak berguna', 'bodoh', 'goblok', 'tolol', 'bego',
      'penipu', 'pembohong'],
    profanity: ['anjir', 'bangsat', 'kampret', 'taik', 'sialan', 'brengsek', 'bajingan', 'keparat'],
    anger: ['konyol', 'keterlaluan', 'tidak bisa diterima', 'terburuk', 'paling buruk', 'pelayanan buruk',
      'penipuan', 'nipu', 'kesal', 'marah', 'muak', 'kapok', 'tidak akan beli lagi', 'gak akan beli lagi'],
    annoyance: ['kecewa', 'masih belum', 'belum juga', 'lagi-lagi', 'berapa kali', 'ketiga kalinya',
      'tidak ada yang jawab', 'tidak dibalas', 'gak dibales', 'parah'],
  },
};
