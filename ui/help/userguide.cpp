#include "help/userguide.h"

#include "i18n/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

UserGuide::UserGuide(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("GAN Playground User Guide"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Language:"), this));
    m_languages = new QComboBox(this);
    // Each language in its own name, as language menus do.
    m_languages->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languages->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
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
