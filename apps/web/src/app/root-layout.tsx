import { AppLayout } from '@/components/app-layout';
import { SpeakerNavLink } from '@/features/speaker/components/speaker-nav-link';

/** The frame with the links each feature adds for a signed-in person. */
export function RootLayout() {
  return <AppLayout nav={<SpeakerNavLink />} />;
}
