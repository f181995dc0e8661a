import { Body, Controller, HttpCode, NotFoundException, Post, UnprocessableEntityException } from '@nestjs/common';
import { ColourPolicyStateError } from '../colour/colour-policy.service';
import { ModelStateError } from '../models/model-registry.service';
import { ScoreRecordDto } from './dtos/score-record.dto';
import { ReplayService } from './replay.service';
import { ReplayInputError } from './score-replay.util';

@Controller('api/scores')
export class ReplayController {
  constructor(private readonly replays: ReplayService) {}

  /** 200 with {identical, inputFingerprintMatches, differences, recomputed}; 404 for an unknown model or policy version. */
  @Post('replay')
  @HttpCode(200)
  async replay(@Body() logged: ScoreRecordDto) {
    try {
      return await this.replays.replay(logged);
    } catch (error) {
      if (error instanceof ModelStateError || error instanceof ColourPolicyStateError) throw new NotFoundException(error.message);
      if (error instanceof ReplayInputError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }
}
