// Strings of the sign-in and sign-up pages.
export const auth = {
  signIn: {
    metaTitle: "로그인",
    title: "로그인",
    lead: "대기열에 들어가고 좌석을 예매하려면 로그인해 주세요.",
    submit: "로그인",
    pending: "로그인 중…",
    switchPrompt: "아직 계정이 없나요?",
    switchLink: "회원가입",
  },
  signUp: {
    metaTitle: "회원가입",
    title: "회원가입",
    lead: "이메일로 1분 만에 가입하고 공정한 대기열 예매를 시작하세요.",
    submit: "가입하기",
    pending: "가입하는 중…",
    switchPrompt: "이미 계정이 있나요?",
    switchLink: "로그인",
  },
  fields: {
    email: { label: "이메일", hint: "", invalid: "올바른 이메일 주소를 입력해 주세요." },
    password: { label: "비밀번호", hint: "", invalid: "비밀번호를 입력해 주세요." },
    newPassword: { label: "비밀번호", hint: "8자 이상으로 입력해 주세요.", invalid: "비밀번호는 8자 이상 200자 이하로 입력해 주세요." },
    name: { label: "이름", hint: "예매 내역에 표시되는 이름입니다.", invalid: "이름을 1자 이상 100자 이하로 입력해 주세요." },
  },
  showPassword: "비밀번호 보기",
  hidePassword: "비밀번호 숨기기",
  errors: {
    summary: "입력한 내용을 확인해 주세요.",
    INVALID_CREDENTIALS: "이메일 또는 비밀번호가 올바르지 않습니다.",
    EMAIL_TAKEN: "이미 가입된 이메일입니다. 로그인해 주세요.",
    RATE_LIMITED: (minutes: number) =>
      `로그인 시도가 너무 많습니다. ${minutes}분 후에 다시 시도해 주세요.`,
    RATE_LIMITED_UNKNOWN: "로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.",
    SERVICE_UNAVAILABLE: (seconds: number) => `지금 접속이 많아요. ${seconds}초 뒤에 다시 시도해 주세요.`,
    SERVICE_UNAVAILABLE_UNKNOWN: "지금 접속이 많아요. 잠시 뒤에 다시 시도해 주세요.",
    NETWORK: "네트워크에 연결할 수 없습니다. 연결을 확인한 뒤 다시 시도해 주세요.",
    generic: "요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.",
  },
  demoHint: "체험용 계정: fan1@encore.test / encore-fan-1234",
} as const;
