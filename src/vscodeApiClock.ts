import { activationClock } from './activationClock';
import 'vscode';

activationClock.apiReady = activationClock.now();
