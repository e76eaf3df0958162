export * from './entities';
export { MeetingError, MeetingErrorCode } from './meeting-error';
export { MeetingsModule } from './meetings.module';
export { MeetingsWorkerModule } from './meetings-worker.module';
export { MeetingPlacementService } from './meeting-placement.service';
export { MyMeetingsService } from './my-meetings.service';
export { ScheduleService } from './schedule.service';
export { slotGrid } from './slot-grid';
export { MeetingProposalsService } from './meeting-proposals.service';
