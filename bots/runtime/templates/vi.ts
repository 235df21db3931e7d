import type { TemplateSet } from './template-set';

/**
 * Vietnamese templates, in the warm "mình/bạn" voice of Vietnamese online shops. The greeting lists include the
 * unaccented forms shoppers type on keyboards without Vietnamese input.
 */
export const viTemplates: TemplateSet = {
  language: 'vi',
  endonym: 'Tiếng Việt',
  greeting: 'Xin chào! Mình là trợ lý ảo của {store}. Mình có thể giúp gì cho bạn?',
  fallback:
    'Xin lỗi bạn, mình vẫn đang học nên chưa trả lời được câu này. Bạn có muốn mình chuyển cho nhân viên tư vấn không?',
  handoffRequested:
    'Dạ vâng! Nhân viên tư vấn sẽ tiếp nhận và trả lời bạn ngay tại đây sớm nhất có thể. Trong lúc chờ, bạn cứ nhắn tiếp nhé.',
  handoffAlreadyWaiting: 'Bạn đang chờ nhân viên tư vấn rồi ạ. Nhân viên sẽ trả lời bạn tại đây sớm nhất có thể nhé.',
  dismissed: 'Không sao ạ! Bạn cứ hỏi mình điều khác nhé.',
  expectedWait: "Thời gian chờ dự kiến: khoảng {minutes} phút.",
  waitingTooLong:
    "Xin lỗi vì để bạn chờ, đội ngũ của chúng tôi đang bận hơn thường lệ. Nếu bạn để lại địa chỉ email ở đây, chúng tôi cũng sẽ trả lời qua email ngay khi có người rảnh.",
  emailSaved: 'Cảm ơn bạn! Nhân viên tư vấn cũng sẽ trả lời bạn qua email {email} sớm nhất có thể nhé.',
  returnedToBot: 'Bạn đang trò chuyện lại với trợ lý ảo. Mình có thể giúp gì thêm cho bạn?',
  quickReplies: { talkToPerson: 'Gặp nhân viên', noThanks: 'Không, cảm ơn' },
  channel: {
    chooseOption: 'Chọn',
    numberedHint: 'Bạn vui lòng nhắn số thứ tự của lựa chọn bạn muốn nhé.',
    attachmentReceived:
      'Mình đã nhận được tệp của bạn và lưu lại cho nhân viên tư vấn rồi ạ. Bạn nhắn thêm vài dòng mô tả yêu cầu giúp mình nhé.',
    voiceNoteReceived:
      'Mình đã nhận được tin nhắn thoại và lưu lại cho nhân viên tư vấn rồi ạ. Nhưng mình chỉ đọc được tin nhắn chữ thôi, bạn nhắn lại bằng chữ giúp mình nhé.',
    locationReceived: 'Cảm ơn bạn đã chia sẻ vị trí, mình đã ghi nhận rồi nhé.',
    unsupportedMessage: 'Xin lỗi bạn, mình chưa đọc được loại tin nhắn này. Bạn nhắn bằng chữ giúp mình nhé.',
  },
  greetings: [
    'xin chào',
    'xin chao',
    'chào',
    'chao',
    'chào buổi sáng',
    'chao buoi sang',
    'chào buổi chiều',
    'chao buoi chieu',
    'chào buổi tối',
    'chao buoi toi',
    'alo',
    'a lô',
    'a lo',
    'hế lô',
    'he lo',
    'shop ơi',
    'shop oi',
    'ad ơi',
    'ad oi',
    'admin ơi',
    'bạn ơi',
    'ban oi',
    'bạn khỏe không',
    'ban khoe khong',
  ],
  greetingFillers: [
    'shop',
    'ad',
    'admin',
    'bạn',
    'ban',
    'anh',
    'chị',
    'chi',
    'em',
    'mọi người',
    'moi nguoi',
    'cả nhà',
    'ca nha',
    'ơi',
    'oi',
    'dạ',
    'da',
    'ạ',
    'a',
    'nhé',
    'nhe',
    'nha',
  ],
};
