// Placeholder until the Modules target lands.
