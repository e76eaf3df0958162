import { SpeakerPage } from '@/features/speaker/components/speaker-page';

export function SpeakerRoute() {
  return <SpeakerPage />;
}
