#include "help/userguide.h"

#include "i18n/language.h"
#include "widgets/widgetevents.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

UserGuide::UserGuide(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuide"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(this);
    row->addWidget(label);
    m_languages = new QComboBox(this);
    // Each language in its own name, as language menus do.
    for (const QString &code : language::available())
        m_languages->addItem(language::nativeName(code), code);
    row->addWidget(m_languages);
    row->addStretch(1);
    layout->addLayout(row);
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    connect(m_languages, &QComboBox::currentIndexChanged, this,
            [this](int index) { setLanguage(m_languages->itemData(index).toString()); });
    resize(760, 820);
    // The program's language; the box switches the guide alone.
    setLanguage(language::current());
    widgetevents::retranslated(this, [this, label] {
        setWindowTitle(tr("GAN Playground User Guide"));
        label->setText(tr("Language:"));
    });
    // View > Language takes the guide along.
    widgetevents::onEvent(this, QEvent::LanguageChange, [this] { setLanguage(language::current()); });
}

void UserGuide::setLanguage(const QString &language)
{
    m_language = language == QLatin1String("zh_CN") ? language : QStringLiteral("en");
    const int index = m_languages->findData(m_language);
    if (index != m_languages->currentIndex()) {
        const QSignalBlocker quiet(m_languages);
        m_languages->setCurrentIndex(index);
    }
    m_browser->setSource(QUrl(QStringLiteral("qrc:/guide/guide_%1.html").arg(m_language)));
}
