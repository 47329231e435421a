#include "window/presentationmode.h"

#include "widgets/widgetevents.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QTimer>

#include <qcustomplot.h>

PresentationMode::PresentationMode(QMainWindow *window, QList<QDockWidget *> hidden, QList<QDockWidget *> shown, QDockWidget *aside)
    : QObject(window), m_window(window), m_hidden(std::move(hidden)), m_shown(std::move(shown)), m_aside(aside)
{
    // Slow motion asked for on the projector: it gets its room at once.
    if (m_aside)
        connect(m_aside, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible && m_on)
                QTimer::singleShot(0, this, &PresentationMode::layOut);
        });
    m_action = new QAction(this);
    m_action->setObjectName(QStringLiteral("presentationAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    widgetevents::retranslated(window, [this] {
        m_action->setText(tr("&Presentation Mode"));
        m_action->setStatusTip(tr("Full screen, large type, plots and the 2D lab only: for a projector (F11 again to leave)"));
    });
    connect(m_action, &QAction::toggled, this, &PresentationMode::setOn);
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    if (m_action->isChecked() != on)
        m_action->setChecked(on);
    if (on) {
        m_state = m_window->saveState();
        m_wasFullScreen = m_window->isFullScreen();
        m_font = m_window->font();
        for (QDockWidget *d : m_hidden)
            d->hide();
        applyFonts(kScale);
        emit switched(true);
        m_window->showFullScreen();
        // Without a window manager full screen does not resize: fit the screen once the new
        // fonts have laid out.
        QTimer::singleShot(0, this, [this] {
            if (QScreen *screen = m_window->screen())
                m_window->setGeometry(screen->geometry());
            layOut();
        });
        layOut();
    } else {
        applyFonts(1.0);
        emit switched(false);
        m_window->restoreState(m_state);
        if (!m_wasFullScreen)
            m_window->showNormal();
    }
}

void PresentationMode::layOut()
{
    if (!m_on)
        return;
    // The plots and the samples / 2D lab share the screen about equally; with slow motion on,
    // its panel takes 38 %, the lab 42 % and the plots the rest.
    const bool slow = m_aside && m_aside->isVisible();
    QList<QDockWidget *> docks = m_shown;
    QList<int> widths;
    for (int i = 0; i < m_shown.size(); ++i)
        widths << int(m_window->width() * (slow ? 0.42 : 0.45));
    if (slow) {
        docks << m_aside;
        widths << int(m_window->width() * 0.38);
    }
    m_window->resizeDocks(docks, widths, Qt::Horizontal);
}

void PresentationMode::applyFonts(double scale)
{
    QFont big = m_font;
    big.setPointSizeF(m_font.pointSizeF() * scale);
    m_window->setFont(big);
    // QCustomPlot keeps its own fonts per axis and legend: scale them too.
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
        QFont f = plot->font();
        f.setPointSizeF(m_font.pointSizeF() * scale);
        QFont small = f;
        small.setPointSizeF(f.pointSizeF() * 0.9);
        for (QCPAxisRect *rect : plot->axisRects())
            for (QCPAxis *axis : rect->axes()) {
                axis->setLabelFont(f);
                axis->setTickLabelFont(small);
            }
        plot->legend->setFont(small);
        for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
            if (auto *scaleBar = qobject_cast<QCPColorScale *>(plot->plotLayout()->elementAt(i))) {
                scaleBar->axis()->setLabelFont(f);
                scaleBar->axis()->setTickLabelFont(small);
            }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}
