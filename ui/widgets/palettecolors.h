#pragma once
// The window follows the system's light or dark palette. Widgets take their colours from it;
// this gives the few colours that carry meaning (valid, problem) a shade readable on either,
// and colours QCustomPlot's plots, which paint white and black unless told otherwise.

#include <QColor>
#include <QPalette>

class QCustomPlot;

namespace palettecolors {

bool isDark(const QPalette &palette);
QColor valid(const QPalette &palette);    // "the experiment is valid"
QColor problem(const QPalette &palette);  // problems, red layers
QColor problemBackground(const QPalette &palette);  // the row of a layer with a problem
// The colour of class `index` of `count` (a conditional run's points): distinct hues, readable
// on light and dark backgrounds alike and none the real data's blue (Tableau's, then hues
// spread around the circle).
QColor classColor(int index, int count);

// Colours the plot's background, axes, labels, grid, legend, colour scales and titles from its
// palette, now and again whenever the palette changes (the system switching light and dark).
void followPalette(QCustomPlot *plot);

}  // namespace palettecolors
