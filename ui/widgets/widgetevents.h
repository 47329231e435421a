#pragma once
// Reacting to what happens to a widget without subclassing it: the system switching light and
// dark (QEvent::PaletteChange) or the program switching language (QEvent::LanguageChange, sent to
// every widget when View > Language installs another translator).

#include <QEvent>

#include <functional>

class QWidget;

namespace widgetevents {

// Calls `handler` after each event of `type` that reaches `widget`, for as long as it lives.
void onEvent(QWidget *widget, QEvent::Type type, std::function<void()> handler);

// Calls `setTexts` now and again after every language change that reaches `owner`: the place
// where a panel sets its tr() texts, so that they follow View > Language without a restart.
void retranslated(QWidget *owner, const std::function<void()> &setTexts);

// In scrolling panels (QScrollArea) of `window`, the mouse wheel scrolls the panel: a combo box
// or spin box that it passes over takes the wheel only once it has been clicked into
// (has focus), so that scrolling through a settings page never changes a setting by accident.
// For the window's lifetime.
void wheelScrollsPanels(QWidget *window);

}  // namespace widgetevents
