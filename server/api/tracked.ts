// Domain streams yield plain { id, data } events; tRPC's SSE link resumes from the id of a
// tracked event. Only the routers know about tRPC, so the wrapping happens here.
import { tracked } from "@trpc/server";
import type { StreamEvent, StreamNotice } from "../engine/event-bus";

/** Each event as a tracked SSE event. Leaving (return or throw) closes the domain stream too. */
export async function* trackEach<T>(events: AsyncIterable<StreamEvent<T>>) {
  for await (const e of events) yield tracked(e.id, e.data);
}

/** The same, for a stream that also carries notices: those go out untracked. */
export async function* trackEachWithNotices<T, N>(events: AsyncIterable<StreamEvent<T> | StreamNotice<N>>) {
  for await (const e of events) {
    if (e.id === null) yield e.data;
    else yield tracked(e.id, e.data);
  }
}
