// A fan cancels a paid ticket from "내 티켓" while booking is open, confirms
// in the dialog, sees the refund announced and finds it in the wallet.
import { randomUUID } from "node:crypto";
import { expect, expectNoSeriousA11yViolations as expectAccessible, test } from "./fixtures";
import { buyTicket } from "./tickets";

const won = (amount: number) => `${amount.toLocaleString("ko-KR")}원`;

test("a fan cancels a ticket while booking is open and sees the refund in the wallet", async ({ page, signUpFan, concert, database }, testInfo) => {
  const fan = await signUpFan();
  const charged = await page.request.post("/api/wallet/charge", { data: { amount: 500_000 }, headers: { "Idempotency-Key": randomUUID() } });
  expect(charged.status()).toBe(200);
  const ticket = await buyTicket(database, fan.id, concert.performanceIds[0]!);
  const balanceAfterPayment = 500_000 - ticket.price;

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto("/tickets");
    await expect(page.getByRole("heading", { name: concert.title })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath(`tickets-${viewport.width}.png`), fullPage: true });
  }

  await page.getByRole("button", { name: /예매 취소$/ }).click();
  const dialog = page.getByRole("dialog", { name: "이 티켓을 취소할까요?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${won(ticket.price)}이 지갑으로 환불되고`);
  await expect(dialog.getByRole("button", { name: "그대로 두기" })).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("tickets-dialog-390.png") });

  await dialog.getByRole("button", { name: "티켓 취소하기" }).click();
  const status = page.getByRole("status").filter({ hasText: "티켓을 취소했어요" });
  await expect(status).toContainText(`${won(ticket.price)}을 지갑으로 돌려드렸어요. 지금 잔액은 ${won(balanceAfterPayment + ticket.price)}이에요.`);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "아직 예매한 티켓이 없어요" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("tickets-cancelled-390.png"), fullPage: true });

  await page.getByRole("link", { name: "지갑에서 환불 내역 보기" }).click();
  const history = page.getByRole("list", { name: "충전, 결제, 환불 내역, 최신순" });
  const refund = history.getByRole("listitem").first();
  await expect(refund).toContainText("환불");
  await expect(refund).toContainText(`+${won(ticket.price)}`);
  await expect(refund).toContainText(`잔액 ${won(500_000)}`);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("wallet-refund-390.png"), fullPage: true });

  const { rows } = await database.query<{ status: string }>("SELECT status FROM payments WHERE user_id = $1", [fan.id]);
  expect(rows).toEqual([{ status: "REFUNDED" }]);
});

test("a ticket whose date no longer takes bookings cannot be cancelled", async ({ page, signUpFan, concert, database }) => {
  const fan = await signUpFan();
  await page.request.post("/api/wallet/charge", { data: { amount: 500_000 }, headers: { "Idempotency-Key": randomUUID() } });
  await buyTicket(database, fan.id, concert.performanceIds[0]!);
  await database.query(
    "UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 minute' WHERE id = $1",
    [concert.performanceIds[0]],
  );
  await page.goto("/tickets");
  await expect(page.getByRole("heading", { name: concert.title })).toBeVisible();
  await expect(page.getByText("취소 마감")).toBeVisible();
  await expect(page.getByRole("button", { name: /예매 취소$/ })).toHaveCount(0);
});

test("a refused cancellation is said once, beside its ticket, and takes the focus", async ({ page, signUpFan, concert, database }, testInfo) => {
  const fan = await signUpFan();
  await page.request.post("/api/wallet/charge", { data: { amount: 500_000 }, headers: { "Idempotency-Key": randomUUID() } });
  const [first, second] = [concert.performanceIds[0]!, concert.performanceIds[1]!];
  await buyTicket(database, fan.id, first);
  await buyTicket(database, fan.id, second);
  await page.goto("/tickets");
  const ticketsOfFirstDate = page.getByRole("region").filter({ has: page.getByRole("button", { name: /예매 취소$/ }) }).first();
  await ticketsOfFirstDate.getByRole("button", { name: /예매 취소$/ }).click();
  const dialog = page.getByRole("dialog", { name: "이 티켓을 취소할까요?" });
  await expect(dialog).toBeVisible();

  // The first date stops taking bookings while the fan confirms.
  await database.query(
    "UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 minute' WHERE id = $1",
    [first],
  );
  await dialog.getByRole("button", { name: "티켓 취소하기" }).click();

  const message = "예매가 마감되어 이 티켓은 취소할 수 없어요.";
  const refusal = page.getByText(message);
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toBeFocused();
  await expect(dialog).toBeHidden();
  // Beside the ticket it concerns, which the list (re-read with the answer) no longer offers to cancel.
  const refusedTicket = page.getByRole("listitem").filter({ has: refusal }).last();
  await expect(refusedTicket).toContainText("취소 마감");
  await expect(refusedTicket.getByRole("button", { name: /예매 취소$/ })).toHaveCount(0);
  await expect(page.getByRole("alert").filter({ hasText: message })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /예매 취소$/ })).toHaveCount(1);

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath(`tickets-refused-beside-${viewport.width}.png`), fullPage: true });
  }
  await expect(refusal).toHaveCount(1);
  const { rows } = await database.query("SELECT 1 FROM wallet_entries WHERE user_id = $1 AND type = 'REFUND'", [fan.id]);
  expect(rows).toHaveLength(0);
});
