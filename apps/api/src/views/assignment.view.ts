export { assignmentView as toAssignmentView } from '@claimdesk/core';
