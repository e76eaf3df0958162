import { AppLayout } from '@/components/app-layout';
import { NewEventNavLink } from '@/features/organisers/components/new-event-nav-link';
import { AdminNavLink } from '@/features/platform-admin/components/admin-nav-link';
import { SpeakerNavLink } from '@/features/speaker/components/speaker-nav-link';

/** The frame with the links each feature adds for a signed-in person. */
export function RootLayout() {
  return (
    <AppLayout
      nav={
        <>
          <SpeakerNavLink />
          <NewEventNavLink />
          <AdminNavLink />
        </>
      }
    />
  );
}
