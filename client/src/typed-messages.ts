// The shared protocol (shared/protocol.ts) in this library's terms: its requests and notifications
// as typed message objects, and its server commands as typed workspace/executeCommand calls, so the
// arguments sent and the results used are checked against the shared types.

import {
  type CancellationToken,
  ExecuteCommandRequest,
  type LanguageClient,
  NotificationType,
  NotificationType0,
  type ProgressToken,
  RequestType,
} from 'vscode-languageclient/node';
import type { NotificationSpec, NotificationSpec0, RequestSpec, ServerCommandId, ServerCommands } from '../../shared/protocol';

export const requestType = <P, R>(spec: RequestSpec<P, R>) => new RequestType<P, R, void>(spec.method);
export const notificationType0 = (spec: NotificationSpec0) => new NotificationType0(spec.method);
export const notificationType = <P>(spec: NotificationSpec<P>) => new NotificationType<P>(spec.method);

export function executeServerCommand<C extends ServerCommandId>(
  client: LanguageClient,
  command: C,
  args: ServerCommands[C]['args'],
  options: { token?: CancellationToken; workDoneToken?: ProgressToken } = {},
): Promise<ServerCommands[C]['result']> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken: options.workDoneToken }, options.token) as Promise<
    ServerCommands[C]['result']
  >;
}
