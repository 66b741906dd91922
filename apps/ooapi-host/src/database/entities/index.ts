import { AssociationEntity } from './association.entity';
import { CallbackEntity } from './callback.entity';
import { CourseEntity } from './course.entity';
import { OfferingEntity } from './offering.entity';
import { ResultEntity } from './result.entity';
import { SigningKeyEntity } from './signing-key.entity';

export {
  AssociationEntity,
  CallbackEntity,
  CourseEntity,
  OfferingEntity,
  ResultEntity,
  SigningKeyEntity,
};

export const HOST_ENTITIES = [
  CourseEntity,
  OfferingEntity,
  AssociationEntity,
  ResultEntity,
  CallbackEntity,
  SigningKeyEntity,
];
