#include "widgets/widgetevents.h"

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

}  // namespace

void onEvent(QWidget *widget, QEvent::Type type, std::function<void()> handler) { new Filter(widget, type, std::move(handler)); }

void retranslated(QWidget *owner, const std::function<void()> &setTexts)
{
    setTexts();
    onEvent(owner, QEvent::LanguageChange, setTexts);
}

}  // namespace widgetevents
