// Strings of the wallet page (/wallet) and the wallet parts of checkout.
import { formatWon } from "@/lib/i18n/format";

export const wallet = {
  metaTitle: "지갑",
  eyebrow: "선불 지갑",
  title: "내 지갑",
  lead: "충전한 잔액으로 좌석을 결제해요. 충전, 결제, 환불은 모두 이용 내역에 남아요.",
  balance: {
    label: "현재 잔액",
    updating: "잔액을 새로 불러오는 중",
  },
  charge: {
    title: "충전하기",
    quickLegend: "빠른 금액",
    quick: (amount: number) => formatWon(amount),
    quickLabel: (amount: number) => `${formatWon(amount)} 선택`,
    customLabel: "충전할 금액",
    customPlaceholder: "예: 30000",
    customHint: "1원부터 1,000,000원까지, 원 단위로 입력해 주세요.",
    preview: (amount: number) => `${formatWon(amount)} 충전`,
    submit: "충전하기",
    submitAmount: (amount: number) => `${formatWon(amount)} 충전하기`,
    pending: "충전하는 중…",
    success: (amount: number, balance: number) => `${formatWon(amount)}을 충전했어요. 지금 잔액은 ${formatWon(balance)}이에요.`,
    errors: {
      required: "충전할 금액을 입력해 주세요.",
      notWhole: "금액은 숫자로, 원 단위로 입력해 주세요.",
      tooSmall: "1원 이상 충전할 수 있어요.",
      tooLarge: "한 번에 1,000,000원까지 충전할 수 있어요.",
      inProgress: "같은 충전 요청을 처리하고 있어요. 잠시 후 다시 눌러 주세요.",
      failed: "충전하지 못했어요. 잠시 후 다시 시도해 주세요. 같은 요청은 두 번 충전되지 않아요.",
    },
  },
  history: {
    title: "이용 내역",
    caption: "충전, 결제, 환불 내역, 최신순",
    loading: "이용 내역을 불러오는 중",
    empty: "아직 이용 내역이 없어요. 첫 충전을 해 보세요.",
    error: "이용 내역을 불러오지 못했어요.",
    loadMore: "더 보기",
    loadingMore: "불러오는 중…",
    end: "모든 내역을 불러왔어요.",
    type: { CHARGE: "충전", PAYMENT: "결제", REFUND: "환불" },
    chargeTitle: "지갑 충전",
    paymentTitle: (concertTitle: string | null, seatCount: number | null) =>
      concertTitle ? `${concertTitle} · ${seatCount ?? 0}석` : "좌석 결제",
    refundTitle: (concertTitle: string | null, seatCount: number | null) =>
      concertTitle ? `${concertTitle} · ${seatCount ?? 0}석 환불` : "좌석 환불",
    balanceAfter: (balance: number) => `잔액 ${formatWon(balance)}`,
    amount: (amount: number) => `${amount > 0 ? "+" : "−"}${formatWon(Math.abs(amount))}`,
  },
} as const;
