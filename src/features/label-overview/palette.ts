/**
 * Colour-blind-safe colours: the Okabe–Ito set (distinguishable under the common forms of
 * colour blindness) followed by Paul Tol's muted scheme for labels beyond eight. Colours are
 * assigned in the overview's label order, so a label keeps its colour when others are hidden.
 */
export const LABEL_COLOURS = [
  "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000",
  "#882255", "#44AA99", "#999933", "#332288", "#AA4499", "#88CCEE", "#DDCC77", "#117733",
] as const;

export const ACTIVITY_COLOUR = "#6b7280";

export const colourFor = (index: number): string => LABEL_COLOURS[index % LABEL_COLOURS.length] as string;
