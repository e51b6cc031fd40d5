// Strings of the waiting-room page.
export const queue = {
  metaTitle: "대기열",
  eyebrow: "대기열",
  backToConcert: "공연 정보로 돌아가기",
  joining: "대기열에 들어가는 중…",
  joiningHint: "잠시만 기다려 주세요. 이미 줄을 서 계셨다면 같은 자리로 돌아갑니다.",

  waiting: {
    title: "순서를 기다리고 있어요",
    positionLabel: "내 순서",
    positionUnit: "번째",
    lineLengthLabel: "전체 대기",
    lineLength: (count: string) => `약 ${count}명`,
    ahead: (count: string) => `내 앞에 ${count}명`,
    nextUp: "다음 차례예요!",
    etaLabel: "예상 대기 시간",
    ticketLabel: "대기 번호",
    ticket: (ticket: string) => `${ticket}번`,
    progressLabel: "입장까지 진행률",
    progressValue: (percent: number) => `${percent}% 진행`,
    updatedAt: (time: string) => `마지막 업데이트 ${time}`,
    updating: "업데이트 중",
    staleWarning: "연결이 잠시 불안정해요. 자리는 그대로 유지되며 자동으로 다시 연결합니다.",
    paused: "대기열이 잠시 멈췄어요. 순서는 그대로 유지되니 이 화면을 닫지 말고 기다려 주세요.",
  },

  prequeue: {
    title: "오픈을 기다리고 있어요",
    opensAtLabel: "오픈 시각",
    countdownLabel: "오픈까지",
    daysAndHours: (days: number, hours: number) => (hours > 0 ? `${days}일 ${hours}시간` : `${days}일`),
    hoursAndMinutes: (hours: number, minutes: number) => (minutes > 0 ? `${hours}시간 ${minutes}분` : `${hours}시간`),
    openingNow: "곧 순번이 정해져요",
    together: (count: string) => `지금 ${count}명이 함께 오픈을 기다리고 있어요`,
    draw:
      "오픈 전에 들어온 팬은 모두 같은 출발선에 섭니다. 오픈 순간 무작위 추첨으로 순번이 정해지니, 먼저 들어왔다고 유리하거나 늦게 들어왔다고 불리하지 않아요.",
    after: "오픈 후에 들어오는 팬은 추첨된 팬들 뒤로 도착한 순서대로 줄을 섭니다.",
  },

  admitted: {
    title: "입장 차례가 되었어요!",
    lead: "지금 날짜와 좌석을 고를 수 있어요.",
    timeLeftLabel: "남은 예매 시간",
    redirecting: "잠시 후 좌석 선택 화면으로 자동으로 이동합니다.",
    go: "지금 좌석 고르기",
  },

  outcome: {
    expiredTitle: "대기 순서가 끝났어요",
    expiredBody: "입장 시간이 지났거나 자리가 정리되었어요. 다시 줄을 서면 새 번호를 받습니다.",
    leftTitle: "대기열에서 나왔어요",
    leftBody: "자리를 다음 팬에게 양보했어요. 다시 들어오면 맨 뒤에서 새 번호를 받습니다.",
    soldOutTitle: "모든 좌석이 판매되었어요",
    soldOutBody: "기다려 주셔서 감사합니다. 다른 공연을 둘러보세요.",
    errorTitle: "대기열 정보를 불러오지 못했어요",
    errorBody: "잠시 후 다시 시도해 주세요. 이미 받은 자리는 그대로 유지됩니다.",
    rejoin: "다시 줄 서기",
    retry: "다시 시도",
    toConcerts: "다른 공연 보기",
    toConcert: "공연 정보 보기",
  },

  leave: {
    button: "대기열 나가기",
    confirmTitle: "대기열에서 나갈까요?",
    confirmBody: "지금 자리를 포기하면 되돌릴 수 없어요. 다시 들어오면 맨 뒤에서 새 번호를 받습니다.",
    confirm: "나가기",
    cancel: "계속 기다리기",
    leaving: "나가는 중…",
    failed: "나가지 못했어요. 다시 시도해 주세요.",
  },

  guide: {
    title: "대기열 안내",
    items: [
      { title: "공정한 순서", body: "도착한 순서대로 번호표를 받고, 앞선 번호부터 차례로 입장합니다. 누구도 새치기할 수 없어요." },
      { title: "새로고침하지 않아도 돼요", body: "이 화면이 알아서 순서를 갱신합니다. 창을 닫았다가 다시 열어도 같은 자리로 돌아옵니다." },
      { title: "한 계정에 한 자리", body: "다른 탭이나 기기에서 열어도 같은 번호가 보여요. 여러 번 줄을 설 수는 없습니다." },
      { title: "차례가 오면", body: "좌석 선택 화면으로 자동으로 이동해요. 잠시 자리를 비우면 다음 팬에게 차례가 넘어갈 수 있으니 화면을 켜 두세요." },
    ],
  },

  announce: {
    waiting: (position: string, wait: string) => `대기 순서 ${position}번째, 예상 대기 시간 ${wait}.`,
    prequeue: "오픈 전 대기 중입니다. 오픈 순간 추첨으로 순번이 정해집니다.",
    admitted: "입장 차례가 되었습니다. 좌석 선택 화면으로 이동합니다.",
    expired: "대기 순서가 끝났습니다.",
    left: "대기열에서 나왔습니다.",
    soldOut: "모든 좌석이 판매되었습니다.",
  },
} as const;
