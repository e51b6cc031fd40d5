// Strings of the home page and the concert pages.
import type { SaleStatus } from "@/lib/catalog/schemas";

export const catalog = {
  home: {
    metaTitle: "공연 예매",
    eyebrow: "공정한 대기열 예매",
    title: "새로고침 경쟁 없이, 도착한 순서대로.",
    lead: (holdMinutes: number) =>
      "Encore는 예매가 열리면 모든 팬을 하나의 대기열에 세웁니다. 먼저 들어온 팬부터 차례로 입장해 좌석을 고르고, " +
      `${holdMinutes}분 동안 좌석을 잡아 둔 채 지갑 잔액으로 결제합니다.`,
    points: (holdMinutes: number) => [
      { title: "한 줄 대기열", body: "입장한 순서대로 번호표를 받습니다. 새로고침해도, 다른 기기에서 열어도 순서는 그대로입니다." },
      { title: "차례가 온 팬만 좌석 선택", body: "입장한 팬만 날짜와 좌석을 볼 수 있어 좌석 선택 화면이 붐비지 않습니다." },
      { title: `잡은 좌석은 ${holdMinutes}분간 내 것`, body: `고른 좌석은 ${holdMinutes}분 동안 다른 팬이 가져갈 수 없고, 결제는 한 번에 끝납니다.` },
    ],
    listTitle: "공연 목록",
    listCount: (count: number) => `${count}개 공연`,
    emptyTitle: "아직 등록된 공연이 없습니다",
    emptyBody: "새 공연이 열리면 이곳에 가장 먼저 표시됩니다.",
    viewConcert: "공연 보기",
  },
  status: {
    ON_SALE: "예매 중",
    OPENS_SOON: "오픈 예정",
    SOLD_OUT: "매진",
    ENDED: "판매 종료",
  } satisfies Record<SaleStatus, string>,
  dateRange: "공연 기간",
  venue: "공연장",
  concert: {
    backToList: "공연 목록",
    performancesTitle: "공연 일정",
    performancesCaption: "회차별 공연 일시",
    performanceCount: (count: number) => `총 ${count}회`,
    soldOut: "매진",
    closed: "예매 마감",
    available: "예매 가능",
    pricesTitle: "좌석 등급과 가격",
    gradeLabel: (grade: string) => `${grade}석`,
    aboutTitle: "공연 소개",
    howTitle: "대기열은 이렇게 진행돼요",
    howSteps: (minutes: { admission: number; claim: number; hold: number }) => [
      "대기열에 들어오면 번호표를 받고, 내 앞에 몇 명이 있는지와 예상 대기 시간을 실시간으로 볼 수 있어요.",
      `차례가 되면 ${minutes.admission}분 동안 날짜와 좌석을 고를 수 있어요. ${minutes.claim}분 안에 입장하지 않으면 다음 팬에게 차례가 넘어가요.`,
      `고른 좌석은 ${minutes.hold}분 동안 잡아 두고 지갑 잔액으로 결제해요. 결제를 마치면 다음 팬이 바로 입장해요.`,
    ],
    cta: "대기열 입장하기",
    ctaSignIn: "로그인하고 대기열 입장하기",
    ctaSignInHint: "대기열에 들어가려면 로그인이 필요해요.",
    ctaSignedInHint: (name: string) => `${name}님으로 입장해요.`,
    opensNotice: (when: string) => `대기열은 ${when}에 열려요. 지금 들어와 기다리면 오픈과 동시에 순번이 정해져요.`,
    soldOutNotice: "모든 회차가 매진되었습니다. 관심을 가져 주셔서 감사합니다.",
    endedNotice: "이 공연의 예매가 모두 마감되었습니다.",
    onSaleNotice: "지금 예매할 수 있어요. 대기열에서 순서를 기다려 주세요.",
    notFoundTitle: "공연을 찾을 수 없습니다",
    notFoundBody: "주소가 잘못되었거나 더 이상 판매하지 않는 공연입니다.",
    loadingLabel: "공연 정보를 불러오는 중",
  },
} as const;
