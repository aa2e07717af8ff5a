#!/usr/bin/env node
import { run } from './main.js';

void run();
