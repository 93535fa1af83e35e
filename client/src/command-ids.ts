// The command ids of package.json, in a module with no dependencies: extension.ts registers them
// at activation, before the language client library is loaded.

export const RestartServerCommand = 'ospo.restartServer';
export const ShowLogCommand = 'ospo.showLog';
export const InsertLicenseHeaderCommand = 'ospo.insertLicenseHeader';
export const CreatePolicyFileCommand = 'ospo.createPolicyFile';
export const MarkSelectionAiAssistedCommand = 'ospo.markSelectionAiAssisted';
export const AddAiHeaderTagsClientCommand = 'ospo.addAiHeaderTags';
export const ScanWorkspaceClientCommand = 'ospo.scanWorkspace';
export const OpenReportCommand = 'ospo.openReport';
export const FixAllWorkspaceClientCommand = 'ospo.fixAllWorkspace';

export const commandIds = [
  RestartServerCommand, ShowLogCommand, InsertLicenseHeaderCommand, CreatePolicyFileCommand, MarkSelectionAiAssistedCommand,
  AddAiHeaderTagsClientCommand, ScanWorkspaceClientCommand, OpenReportCommand, FixAllWorkspaceClientCommand,
];
