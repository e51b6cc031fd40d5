import type { Metadata } from "next";
import { createVenueAction } from "@/app/admin/venues/actions";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { VenueBuilder } from "@/components/admin/venues/venue-builder";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: admin.venues.newTitle };

export default async function NewVenuePage() {
  await requirePageOperator("/admin/venues/new");
  return (
    <>
      <ConsoleHeader title={admin.venues.newTitle} lead={admin.venues.newLead} />
      <VenueBuilder action={createVenueAction} />
    </>
  );
}
