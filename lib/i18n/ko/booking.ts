// Strings of the booking page (/concerts/[concertId]/book): dates, seat map, holds.
/** 300 → "5분", 90 → "1분 30초", 20 → "20초" */
function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}초`;
  return rest === 0 ? `${minutes}분` : `${minutes}분 ${rest}초`;
}

export const booking = {
  metaTitle: "좌석 선택",
  backToConcert: "공연 정보",
  admission: {
    label: "남은 예매 시간",
    hint: "이 시간 안에 좌석을 잡고 결제까지 마쳐 주세요.",
    endingSoon: "예매 시간이 2분도 남지 않았어요. 서둘러 결제해 주세요.",
    ended: "예매 시간이 끝났어요. 대기열에 다시 참여해 주세요.",
    rejoin: "대기열로 돌아가기",
  },
  dates: {
    title: "날짜 선택",
    legend: "공연 날짜",
    seatsLeft: (available: number, total: number) => `${available.toLocaleString("ko-KR")} / ${total.toLocaleString("ko-KR")}석 남음`,
    soldOut: "매진",
    notOpenYet: "예매 전",
    empty: "지금 예매할 수 있는 공연 날짜가 없어요.",
    loading: "공연 날짜를 불러오는 중",
  },
  map: {
    title: "좌석 선택",
    stage: "무대",
    caption: (date: string) => `${date} 좌석 배치도`,
    row: (row: string) => `${row}열`,
    choosePrompt: "날짜를 고르면 좌석 배치도가 나타나요.",
    loading: "좌석 배치도를 불러오는 중",
    empty: "이 회차에는 판매 중인 좌석이 없어요.",
    updatedHint: "좌석 현황은 몇 초마다 자동으로 새로고침돼요.",
    myHoldsBadge: (count: number) => `내 좌석 ${count}석`,
    keyboardHint: "좌석 사이는 화살표 키로 이동하고, Enter 또는 스페이스로 고르거나 취소해요.",
    section: (name: string) => name,
  },
  zoom: {
    seats: "좌석",
    venue: "배치도",
    group: (subject: string) => `${subject} 확대/축소`,
    in: (subject: string) => `${subject} 크게 보기`,
    out: (subject: string) => `${subject} 작게 보기`,
    level: (subject: string) => `${subject} 배율`,
  },
  venue: {
    title: "구역 선택",
    caption: (date: string) => `${date} 공연장 구역`,
    hint: "구역을 고르면 그 구역의 좌석이 나타나요. 다른 구역의 좌석도 함께 고를 수 있어요.",
    loading: "공연장 배치도를 불러오는 중",
    section: (name: string, grade: string, available: number) =>
      available > 0 ? `${name}, ${grade}석, 남은 좌석 ${available.toLocaleString("ko-KR")}석` : `${name}, ${grade}석, 매진`,
    selectedHere: (count: number) => `, 고른 좌석 ${count}석`,
    seatsLeft: (available: number) => (available > 0 ? `${available.toLocaleString("ko-KR")}석` : "매진"),
    back: "전체 구역 보기",
    sectionHeading: (name: string, grade: string) => `${name} · ${grade}석`,
    availabilityTitle: "남은 좌석",
    availability: { plenty: "여유 (절반 이상)", some: "보통", few: "얼마 남지 않음 (20% 미만)", none: "매진" },
    gradeCount: (available: number, total: number) => `${available.toLocaleString("ko-KR")} / ${total.toLocaleString("ko-KR")}석`,
  },
  seat: {
    state: {
      available: "선택 가능",
      selected: "선택함",
      mine: "내가 잡은 좌석",
      held: "다른 분이 선택 중",
      sold: "판매 완료",
    },
    label: (name: string, price: string, state: string) => `${name}, ${price}, ${state}`,
  },
  legend: {
    title: "좌석 안내",
    grades: "등급별 가격",
    grade: (grade: string) => `${grade}석`,
    selected: "선택한 좌석",
    mine: "내가 잡은 좌석",
    held: "다른 분이 선택 중",
    sold: "판매 완료",
  },
  selection: {
    title: "선택한 좌석",
    none: "좌석을 눌러 최대 4석까지 고를 수 있어요.",
    count: (count: number) => `${count}석 선택`,
    total: "합계",
    hold: "선택 좌석 잡기",
    holding: "좌석을 잡는 중…",
    clear: "선택 해제",
    limit: (limit: number) => `한 회차에 최대 ${limit}석까지 잡을 수 있어요.`,
    remaining: (count: number) => `${count}석 더 고를 수 있어요.`,
    held: (count: number, seconds: number) => `${count}석을 ${duration(seconds)} 동안 잡았어요. 시간 안에 결제해 주세요.`,
    taken: (seats: string) => `${seats}은(는) 방금 다른 분이 선택했어요. 나머지 선택은 그대로 두었어요.`,
    holdLimit: "이 회차에서 잡을 수 있는 좌석 수를 넘었어요. 잡아 둔 좌석을 해제하거나 결제한 뒤 다시 시도해 주세요.",
    bookingClosed: "이 회차의 예매가 마감되었어요. 다른 날짜를 골라 주세요.",
  },
  holds: {
    title: "잡아 둔 좌석",
    empty: "아직 잡아 둔 좌석이 없어요.",
    loading: "잡아 둔 좌석을 불러오는 중",
    timeLeft: "남은 시간",
    release: "해제",
    releaseLabel: (seat: string) => `${seat} 해제`,
    releasing: "해제 중…",
    released: (seat: string) => `${seat}을(를) 해제했어요.`,
    expired: "시간이 지나 좌석이 풀렸어요. 다시 골라 주세요.",
    lastMinute: "1분 안에 좌석이 풀려요. 지금 결제해 주세요.",
    checkout: "결제하기",
    checkoutSummary: (count: number, total: string) => `${count}석 · ${total}`,
    note: (seconds: number) => `잡은 좌석은 ${duration(seconds)} 동안 유지되고, 결제하지 않으면 자동으로 풀려요.`,
  },
  errors: {
    admissionEnded: "예매 시간이 끝났거나 입장 정보가 없어요. 대기열에 다시 참여해 주세요.",
    signedOut: "로그인이 필요해요. 다시 로그인해 주세요.",
    load: "정보를 불러오지 못했어요.",
  },
} as const;
