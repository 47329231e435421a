#include "widgets/palettecolors.h"

#include "widgets/widgetevents.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace palettecolors {
namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void styleAxis(QCPAxis *axis, const QColor &fg, const QColor &grid, const QColor &subGrid)
{
    const QPen pen(fg, 0);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(fg);
    axis->setLabelColor(fg);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 0, Qt::SolidLine));
}

void apply(QCustomPlot *plot)
{
    const QPalette &pal = plot->palette();
    const QColor bg = pal.color(QPalette::Base);
    const QColor fg = pal.color(QPalette::Text);
    const QColor grid = mix(bg, fg, 0.25), subGrid = mix(bg, fg, 0.12);
    plot->setBackground(bg);
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis, fg, grid, subGrid);
    QColor legendBack = bg;
    legendBack.setAlpha(210);
    plot->legend->setBrush(legendBack);
    plot->legend->setBorderPen(QPen(fg, 0));
    plot->legend->setTextColor(fg);
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
        if (auto *scale = qobject_cast<QCPColorScale *>(element))
            styleAxis(scale->axis(), fg, grid, subGrid);
        else if (auto *title = qobject_cast<QCPTextElement *>(element))
            title->setTextColor(fg);
    }
}

}  // namespace

QColor classColor(int index, int count)
{
    // Tableau's ten without its blue, which the real data are drawn in, and a dark indigo.
    static const QRgb tableau[] = {0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79};
    if (count <= 10)
        return QColor(tableau[std::clamp(index, 0, 9)]);
    return QColor::fromHsvF(std::fmod(double(index) / count, 1.0), 0.75, 0.85);
}

bool isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

QColor valid(const QPalette &palette) { return isDark(palette) ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37); }

QColor problem(const QPalette &palette) { return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x00, 0x00); }

QColor problemBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6e, 0x1e, 0x1e) : QColor(255, 215, 215);
}

void followPalette(QCustomPlot *plot)
{
    apply(plot);
    widgetevents::onEvent(plot, QEvent::PaletteChange, [plot] {
        apply(plot);
        plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

}  // namespace palettecolors
