// Strings shared by every page (header, footer, generic states).
export const common = {
  brand: "Encore",
  tagline: "공정한 대기열로 만나는 공연",
  skipToContent: "본문으로 건너뛰기",
  nav: {
    label: "주 메뉴",
    concerts: "공연",
    tickets: "내 티켓",
    wallet: "지갑",
    admin: "운영",
    signIn: "로그인",
    signUp: "회원가입",
    signOut: "로그아웃",
    signedInAs: (name: string) => `${name}님`,
  },
  footer: "Encore — 모든 팬에게 같은 기회를. 표시 시간은 한국 표준시(KST)입니다.",
  loading: "불러오는 중…",
  retry: "다시 시도",
  genericError: "문제가 생겼습니다. 잠시 후 다시 시도해 주세요.",
  notFoundTitle: "페이지를 찾을 수 없습니다",
  notFoundBody: "주소가 바뀌었거나 더 이상 없는 페이지입니다.",
  backHome: "공연 목록으로",
} as const;
