// The demo catalogue and accounts that `npm run db:seed` creates. Titles,
// artists and venues are plausible inventions for local demos.
import { DEFAULT_ROOM_SETTINGS } from "../lib/queue/room-defaults.ts";
import { ARENA_PRICES, KSPO_DOME_LIKE, type ArenaPlan } from "../lib/venues/arena-layout.ts";

export const DEMO_PASSWORDS = { admin: "encore-admin-1234", fan: "encore-fan-1234" } as const;

export const DEMO_USERS = [
  { email: "admin@encore.test", name: "Encore 운영자", role: "ADMIN", password: DEMO_PASSWORDS.admin },
  { email: "fan1@encore.test", name: "김하늘", role: "FAN", password: DEMO_PASSWORDS.fan },
  { email: "fan2@encore.test", name: "이서준", role: "FAN", password: DEMO_PASSWORDS.fan },
] as const;

/** Bought every seat of the sold-out demo concert; nobody signs in as this account. */
export const SOLD_OUT_BUYER = { email: "sold-out-demo@encore.test", name: "단체 예매 고객" } as const;

export const SEATS_PER_PERFORMANCE = 50;

/** Seat numbers from…to (inclusive), grade and price in won. */
export const SEAT_GRADES = [
  { grade: "VIP", from: 1, to: 10, price: 150_000 },
  { grade: "R", from: 11, to: 30, price: 110_000 },
  { grade: "S", from: 31, to: 50, price: 80_000 },
] as const;

/** The demo rooms start as every new concert's room does. */
export const DEMO_ROOM = DEFAULT_ROOM_SETTINGS;

/** Booking of a performance closes this long before it starts. */
export const BOOKING_CLOSES_BEFORE_START_MS = 2 * 60 * 60 * 1000;

export type DemoConcert = {
  title: string;
  artist: string;
  venue: string;
  description: string;
  /** Days from today (Seoul) and local start time of each performance. */
  performances: Array<{ day: number; time: `${number}:${number}` }>;
  /** The waiting room opens this many days from today (Seoul) at 20:00; negative means it already has. */
  opensInDays: number;
  /** Every seat of every performance is sold to SOLD_OUT_BUYER. */
  isSoldOut?: boolean;
  /** An arena with sections (lib/venues/arena-layout.ts) and its prices; otherwise the 50-seat hall of SEAT_GRADES. */
  arena?: { plan: ArenaPlan; prices: Readonly<Record<string, number>> };
};

export const DEMO_CONCERTS: DemoConcert[] = [
  {
    title: "아이유 콘서트 〈푸른 새벽〉",
    artist: "아이유",
    venue: "서울 KSPO DOME",
    description:
      "새벽의 푸른빛처럼 조용히 번지는 노래들. 밴드 편성으로 새로 편곡한 대표곡과 미발표 신곡을 함께 들려드립니다. " +
      "공연 시간은 약 150분이며, 만 7세 이상 관람 가능합니다.",
    performances: [
      { day: 10, time: "19:00" },
      { day: 11, time: "18:00" },
      { day: 17, time: "19:00" },
      { day: 18, time: "18:00" },
    ],
    opensInDays: -3,
  },
  {
    title: "성시경 콘서트 〈겨울 편지〉",
    artist: "성시경",
    venue: "경희대학교 평화의전당",
    description:
      "한 해의 끝자락에 건네는 노래 편지. 오케스트라와 함께하는 발라드 무대와 관객 신청곡 코너가 준비되어 있습니다. " +
      "공연 시간은 약 180분입니다.",
    performances: [
      { day: 24, time: "19:30" },
      { day: 25, time: "19:30" },
      { day: 26, time: "17:00" },
    ],
    opensInDays: -2,
  },
  {
    title: "잔나비 전국투어 〈밤의 정원〉 서울",
    artist: "잔나비",
    venue: "올림픽공원 핸드볼경기장",
    description:
      "여름밤 정원을 닮은 잔나비의 전국투어 서울 공연. 데뷔 초기 곡부터 최신 앨범 수록곡까지 밴드 사운드로 가득 채웁니다. " +
      "전석 매진되었습니다. 성원에 감사드립니다.",
    performances: [
      { day: 6, time: "19:00" },
      { day: 7, time: "19:00" },
      { day: 8, time: "17:00" },
    ],
    opensInDays: -7,
    isSoldOut: true,
  },
  {
    title: "데이식스 콘서트 〈우리의 계절〉",
    artist: "데이식스 (DAY6)",
    venue: "인스파이어 아레나",
    description:
      "함께 지나온 계절을 노래하는 데이식스의 단독 콘서트. 예매는 오픈 시각에 대기열로 시작됩니다. " +
      "오픈 전에 미리 대기열에 들어와 두면 오픈과 동시에 순번이 정해집니다.",
    performances: [
      { day: 31, time: "18:00" },
      { day: 32, time: "17:00" },
      { day: 38, time: "18:00" },
      { day: 39, time: "17:00" },
    ],
    opensInDays: 2,
  },
  {
    title: "악뮤 소극장 콘서트 〈작은 항해〉",
    artist: "악뮤 (AKMU)",
    venue: "블루스퀘어 마스터카드홀",
    description:
      "가까운 거리에서 숨소리까지 들리는 소극장 공연. 어쿠스틱 편곡으로 다시 만나는 악뮤의 노래와 이야기가 이어집니다. " +
      "공연 시간은 약 120분입니다.",
    performances: [
      { day: 14, time: "19:30" },
      { day: 15, time: "19:30" },
      { day: 16, time: "16:00" },
      { day: 21, time: "19:30" },
      { day: 22, time: "16:00" },
    ],
    opensInDays: -1,
  },
  {
    title: "세븐틴 콘서트 〈빛의 궤도〉",
    artist: "세븐틴 (SEVENTEEN)",
    venue: "송파 아레나",
    description:
      "무대를 둘러싼 약 1만 5천 석의 아레나에서 펼쳐지는 세븐틴의 단독 콘서트. 플로어 구역과 1·2층 스탠드 구역 중 " +
      "원하는 구역을 고른 뒤 좌석을 선택해 주세요. 공연 시간은 약 180분입니다.",
    performances: [
      { day: 12, time: "18:00" },
      { day: 13, time: "17:00" },
      { day: 14, time: "17:00" },
    ],
    opensInDays: -1,
    arena: { plan: KSPO_DOME_LIKE, prices: ARENA_PRICES },
  },
];
