import type { SkillTexts } from '../skill-texts';

/** Japanese sentences of the intent-driven skills (polite desu/masu and honorific register). */
export const jaSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber: 'お調べいたします。ご注文番号を教えていただけますか？ご注文確認メールに記載されています。',
    askOrderNumberAgain:
      'メッセージにご注文番号が見つかりませんでした。お手数ですが、もう一度お送りください（例：A1B2C3）。',
    notFound:
      '申し訳ありません。当ストアではその番号のご注文が見つかりませんでした。番号をご確認のうえ、もう一度お送りください。',
    askEmail: 'ご注文が見つかりました。お客様の情報保護のため、ご注文時のメールアドレスを教えていただけますか？',
    emailMismatch:
      'メールアドレスがご注文の情報と一致しませんでした。お手数ですが、ご確認のうえもう一度お試しください。',
    summary: 'ご注文 {order} は{status}です。',
    tracking: '{carrier}にてお届けします（追跡番号：{tracking}）。配送状況はこちら：{trackingUrl}',
    expected: 'お届け予定日は{date}です。',
    delivered: '{date}にお届けしました。',
    notShippedYet: 'まだ倉庫から出荷されていません。発送後、追跡番号で配送状況をご確認いただけます。',
  },
  orderStatuses: {
    pending: 'お支払い待ち',
    paid: 'お支払い済み',
    processing: '発送準備中',
    shipped: '発送済み',
    in_transit: '輸送中',
    out_for_delivery: '配達中',
    delivered: 'お届け済み',
    cancelled: 'キャンセル済み',
    returned: '返品済み',
  },
  orderCancel: {
    askOrderNumber: 'キャンセルをご希望のご注文番号を教えていただけますか？ご注文確認メールに記載されています。',
    confirm: 'ご注文 {order}（{items}、{total}）をキャンセルしてよろしいですか？',
    done: 'ご注文をキャンセルいたしました。{total}はご利用のお支払い方法へ返金されます。',
    notAllowed:
      '申し訳ありません。ご注文はすでに{status}のため、キャンセルを承ることができません。商品到着後に返品のお手続きが可能です。',
    alreadyCancelled: 'こちらのご注文はすでにキャンセル済みです。追加のお手続きは必要ありません。',
    aborted: 'かしこまりました。ご注文内容は変更しておりません。',
  },
  changeAddress: {
    askOrderNumber: '承知しました。お届け先を変更したいご注文の番号を教えていただけますか？',
    askAddress:
      'ご注文 {order} の新しいお届け先を教えてください（番地・町名、郵便番号、市区町村、国までご記入ください）。',
    addressIncomplete:
      'ご住所の一部が不足しているようです。番地・町名、郵便番号、市区町村まで含めて、もう一度お送りいただけますか？',
    confirm: 'ご注文 {order} のお届け先を「{address}」に変更してよろしいですか？',
    done: 'お届け先を変更しました。ご注文 {order} は「{address}」へお届けします。',
    notAllowed:
      '申し訳ありません。ご注文はすでに{status}のため、お届け先を変更できません。配送業者へ直接お問い合わせいただくと、転送できる場合があります。',
    aborted: 'かしこまりました。お届け先は変更せず、そのままにしております。',
  },
  confirmation: { yes: 'はい', no: 'いいえ' },
  yesWords: [
    'はい',
    'はーい',
    'うん',
    'ええ',
    'そうです',
    'お願いします',
    'おねがいします',
    'お願い',
    'いいよ',
    'いいですよ',
    'オッケー',
    'おっけー',
    'おけ',
    'ok',
    '了解',
    '了解です',
    'りょうかい',
    '承知しました',
    'hai',
    'yes',
  ],
  noWords: [
    'いいえ',
    'いえ',
    'いや',
    'ううん',
    '結構です',
    'けっこうです',
    '大丈夫です',
    '不要です',
    'いらない',
    'いらないです',
    '違います',
    'ちがう',
    'やめておきます',
    'だめ',
    'ダメ',
    'no',
    'iie',
  ],
  goodbye: 'ご利用ありがとうございました。またのお越しをお待ちしております。',
  thanks: 'どういたしまして。ほかにもお手伝いできることがあれば、お気軽にお声がけください。',
  notUnderstood:
    '申し訳ありません、うまく理解できませんでした。別の言い方でお送りいただけますか？たとえば、ご注文状況の確認、ご注文のキャンセル、お届け先の変更などを承っております。',
  notUnderstoodHandoff:
    'なかなかご用件を理解できず、申し訳ありません。スタッフにおつなぎしますので、こちらでお待ちください。',
  outOfScope:
    '申し訳ありません、そちらは{store}のアシスタントではお答えできない内容です。ご注文状況の確認、キャンセル、お届け先の変更でしたらお手伝いできます。',
  complaintHandoff:
    'ご不快な思いをおかけし、誠に申し訳ございません。ここからは担当スタッフが引き継ぎ、こちらで対応いたします。',
  interim:
    '{topic}についてのお問い合わせですね。申し訳ありませんが、現時点では私だけでは正確にお答えできません。スタッフにおつなぎしましょうか？',
  topics: {
    return_item: '商品の返品',
    refund_status: '返金の状況',
    shipping_info: '配送',
    customs_duties: '関税',
    payment_issue: 'お支払いのトラブル',
    payment_methods: 'お支払い方法',
    product_availability: '商品の在庫',
    product_recommendation: 'おすすめ商品',
    size_guide: 'サイズ選び',
    discount_code: 'クーポンコード',
    damaged_or_wrong_item: '商品の破損・誤配送',
    package_not_received: '荷物の未着',
    account_help: 'アカウント',
    invoice_request: '領収書・請求書の発行',
    warranty_repair: '保証・修理',
  },
};
