// The shared protocol's requests and notifications (shared/protocol.ts) as this library's typed
// message objects: the handlers' params and results are checked against the shared types.

import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver/node';
import type { NotificationSpec, NotificationSpec0, RequestSpec } from '../../../shared/protocol';

export const requestType = <P, R>(spec: RequestSpec<P, R>) => new RequestType<P, R, void>(spec.method);
export const notificationType0 = (spec: NotificationSpec0) => new NotificationType0(spec.method);
export const notificationType = <P>(spec: NotificationSpec<P>) => new NotificationType<P>(spec.method);
