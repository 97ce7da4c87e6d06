/** 運用設定: the city's follow-up rules, office days, post-closure contacts, matching rule and audit retention. */
export const settingsMessages = {
  heading: "運用設定",
  lead: "市の支援の流れに合わせて、フォローアップの時期や窓口の開庁日を決めます。変更は保存した時点から、新しく作られる予定に使われます。",
  readOnly: "運用設定を変更できるのは管理者だけです。内容の確認だけできます。",
  sections: {
    followUp: "フォローアップ",
    office: "窓口の開庁日",
    postClosure: "終結後の連絡",
    matching: "マッチング",
    audit: "監査ログ",
    retention: "記録の保存期間 (過ぎたら個人情報を消去)",
  },
  fields: {
    firstCheckDays: {
      label: "最初の確認までの日数",
      hint: "参加を始めた日から、最初に様子をうかがうまでの日数です (1〜90日)。",
    },
    followUpMonths: {
      label: "フォローアップ期間 (か月)",
      hint: "参加を始めてからこの期間は、毎月様子を確認します。期間が終わる前に「定着」にするには理由の記入が必要です (0〜24か月)。",
    },
    settlingCheckMonths: {
      label: "定着確認の時期 (参加開始から何か月目)",
      hint: "カンマ「,」か読点「、」で区切って入力します (例: 3, 6)。1〜24か月、6回まで。空欄にすると定着確認は予定しません。",
    },
    onTimeGraceDays: {
      label: "「期限内」とみなす日数",
      hint: "予定日から何日以内に実施すれば「期限内」と数えるかです。成果の画面のフォローアップ実施率に使います (0〜60日)。",
    },
    openWeekdays: {
      label: "開庁している曜日",
      hint: "フォローアップの予定は、この曜日に置かれます。1つ以上選んでください。",
    },
    closedOnHolidays: {
      label: "祝日 (振替休日を含む) は閉庁",
      hint: "予定日が祝日にあたるときは、次の開庁日に移します。",
    },
    closedForYearEnd: {
      label: "年末年始 (12月29日〜1月3日) は閉庁",
      hint: "予定日が年末年始にあたるときは、次の開庁日に移します。",
    },
    postClosureContacts: {
      label: "終結後の連絡の回数",
      hint: "支援を終結したあと、様子をうかがう連絡を何回予定するかです (0〜12回)。0 にすると予定しません。",
    },
    postClosureIntervalMonths: {
      label: "連絡の間隔 (か月)",
      hint: "終結した日から、何か月ごとに連絡するかです (1〜12か月)。",
    },
    requireSupportPlanForMatch: {
      label: "マッチングの前に支援プランを必須にする",
      hint: "オンにすると、本人と合意した支援プランがないときは、資源につなぐマッチングを始められません。",
    },
    auditRetentionDays: {
      label: "監査ログの保存日数",
      hint: "これより古い記録は毎日自動で削除されます。365〜3650日 (1〜10年) の間で、既定は1825日 (5年) です。",
    },
    personRetentionYears: {
      label: "本人の記録の保存年数",
      hint: "マッチングがすべて終わり、最後の記録 (終結・利用停止・連絡など) から、この年数が過ぎた本人の個人情報を、毎日自動で消去します。件数と集計に使う日付だけが残ります (1〜30年, 既定5年)。",
    },
    followUpNoteRetentionYears: {
      label: "フォローアップ記録の記述の保存年数",
      hint: "連絡日からこの年数が過ぎたフォローアップ記録の記述 (様子・受け入れ先の声) を消去します。日付・方法・変化の有無は残ります (1〜30年)。",
    },
    intakeRetentionYears: {
      label: "相談受付の記録の保存年数",
      hint: "受付日からこの年数が過ぎた相談受付のメモを消去します (1〜30年)。",
    },
    meetingRetentionYears: {
      label: "会議の記録の保存年数",
      hint: "開催日からこの年数が過ぎた会議の決定事項の記述を消去します (1〜30年)。",
    },
  },
  notANumber: "半角または全角の数字 (整数) で入力してください",
  notMonths: "数字をカンマか読点で区切って入力してください (例: 3, 6)",
  save: "保存する",
  saving: "保存しています…",
  saved: "保存しました。",
  nothingChanged: "変更された項目はありません。",
  lastUpdated: (when: string) => `最終更新: ${when}`,
};
