#include "widgets/widgetevents.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QWidget>

namespace widgetevents {
namespace {

class Filter : public QObject {
public:
    Filter(QWidget *widget, QEvent::Type type, std::function<void()> handler)
        : QObject(widget), m_widget(widget), m_type(type), m_handler(std::move(handler))
    {
        widget->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == m_type)
            m_handler();
        return false;
    }

private:
    QWidget *m_widget;
    QEvent::Type m_type;
    std::function<void()> m_handler;
};

// Sees every wheel event of the application (an application filter: widgets a panel makes later
// are covered too) and passes on to the panel those that a value widget without focus would
// have taken.
class WheelGuard : public QObject {
public:
    explicit WheelGuard(QWidget *window) : QObject(window), m_window(window) { qApp->installEventFilter(this); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if ((type != QEvent::Wheel && type != QEvent::Polish && type != QEvent::Enter) || !watched->isWidgetType())
            return false;
        // The combo's or spin box's own parts (its line edit) count as the widget.
        QWidget *value = static_cast<QWidget *>(watched);
        while (value && !value->isWindow() && !qobject_cast<QComboBox *>(value) && !qobject_cast<QAbstractSpinBox *>(value))
            value = value->parentWidget();
        if (!value || value->isWindow() || value->window() != m_window->window() || !inScrollArea(value))
            return false;
        if (type != QEvent::Wheel) {
            // Qt gives a widget with the wheel focus policy focus on the wheel before any event
            // filter sees the event: the policy is changed before it is shown (polished) or
            // the pointer is over it.
            QList<QWidget *> parts = value->findChildren<QWidget *>();
            parts << value;
            for (QWidget *w : parts)
                if (w->focusPolicy() == Qt::WheelFocus)
                    w->setFocusPolicy(Qt::StrongFocus);
            return false;
        }
        if (value->hasFocus())
            return false;
        event->ignore();  // so that Qt passes it to the parents: the scroll area scrolls
        return true;
    }

private:
    static bool inScrollArea(QWidget *w)
    {
        for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
            if (qobject_cast<QScrollArea *>(p))
                return true;
        return false;
    }
    QWidget *m_window;
};

}  // namespace

void wheelScrollsPanels(QWidget *window) { new WheelGuard(window); }

void onEvent(QWidget *widget, QEvent::Type type, std::function<void()> handler) { new Filter(widget, type, std::move(handler)); }

void retranslated(QWidget *owner, const std::function<void()> &setTexts)
{
    setTexts();
    onEvent(owner, QEvent::LanguageChange, setTexts);
}

}  // namespace widgetevents
