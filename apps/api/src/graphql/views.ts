// Row -> GraphQL object: the REST views, one shape per resource, whichever door asks.
export { claimFields as claimView } from '@claimdesk/core';
export { toAssignmentView as assignmentView } from '../views/assignment.view';
export { toPersonView as personView } from '../views/person.view';
export { toVerdictView as verdictView } from '../views/verdict.view';
