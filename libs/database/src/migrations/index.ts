import { CreateSchema1795894474931 } from './1795894474931-CreateSchema';
import { ComponentDelivery1795897027016 } from './1795897027016-ComponentDelivery';
import { NotificationsAndTimers1795897845391 } from './1795897845391-NotificationsAndTimers';
import { InboxAndSearchIndexes1795900648256 } from './1795900648256-InboxAndSearchIndexes';
import { WaitingLists1795910000000 } from './1795910000000-WaitingLists';
import { CatalogueWordSearch1795910100000 } from './1795910100000-CatalogueWordSearch';
import { OutboxNotify1795910200000 } from './1795910200000-OutboxNotify';
import { ExamBoardInboxCovering1795910300000 } from './1795910300000-ExamBoardInboxCovering';
import { AuditLog1795910400000 } from './1795910400000-AuditLog';
import { TuitionProofs1795910500000 } from './1795910500000-TuitionProofs';
import { AuditClientAddresses1795910600000 } from './1795910600000-AuditClientAddresses';
import { PersonKey1795910700000 } from './1795910700000-PersonKey';
import { OneLiveRequestPerOffering1795910710000 } from './1795910710000-OneLiveRequestPerOffering';
import { EmailFailures1795910800000 } from './1795910800000-EmailFailures';
import { StudentRegister1795911200000 } from './1795911200000-StudentRegister';
import { OfferingsKeptByInstitutions1795911400000 } from './1795911400000-OfferingsKeptByInstitutions';
import { OoapiAssociations1795911500000 } from './1795911500000-OoapiAssociations';
import { CatalogueSyncs1795911600000 } from './1795911600000-CatalogueSyncs';
import { AssociationRequested1795911700000 } from './1795911700000-AssociationRequested';

/** Every migration, in order. The data source lists them explicitly so the built app needs no file globbing. */
export const MIGRATIONS = [
  CreateSchema1795894474931,
  ComponentDelivery1795897027016,
  NotificationsAndTimers1795897845391,
  InboxAndSearchIndexes1795900648256,
  WaitingLists1795910000000,
  CatalogueWordSearch1795910100000,
  OutboxNotify1795910200000,
  ExamBoardInboxCovering1795910300000,
  AuditLog1795910400000,
  TuitionProofs1795910500000,
  AuditClientAddresses1795910600000,
  PersonKey1795910700000,
  OneLiveRequestPerOffering1795910710000,
  EmailFailures1795910800000,
  StudentRegister1795911200000,
  OfferingsKeptByInstitutions1795911400000,
  OoapiAssociations1795911500000,
  CatalogueSyncs1795911600000,
  AssociationRequested1795911700000,
];
