#include "slowmotion/modeldiagram.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {
const QColor kRealColor(31, 119, 180);
const QColor kFakeColor(255, 127, 14);
const QColor kDColor(123, 63, 160);
const QColor kLossColor(180, 40, 40);
}  // namespace

ModelDiagram::ModelDiagram(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("modelDiagram"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ModelDiagram::setSubstep(int substep)
{
    m_substep = substep;
    update();
}

void ModelDiagram::setCritic(bool critic)
{
    m_critic = critic;
    update();
}

int ModelDiagram::parts(int substep)
{
    switch (Substep(substep)) {
    case Substep::Draw:
        return Noise | Data;
    case Substep::Generate:
        return Noise | Generator | Fakes;
    case Substep::Score:
        return Fakes | Data | Discriminator;
    case Substep::DiscriminatorLoss:
        return Discriminator | LossD;
    case Substep::DiscriminatorUpdate:
        return LossD | FeedD | Discriminator;
    case Substep::GeneratorLoss:
        return Fakes | Discriminator | LossG | FeedG;
    case Substep::GeneratorUpdate:
        return Generator | FeedG;
    }
    return 0;
}

void ModelDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int on = parts(m_substep);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::Mid);
    // Drawn in a band of fixed proportions, centred, however the dock is shaped.
    const double w = width(), h = std::min(double(height()), w * kAspect), top = (height() - h) / 2;
    // Five columns (z, G, G(z), D, losses) and two rows (fakes above, data below).
    const double col = w / 5.0;
    const double bw = col * 0.82, bh = std::max(22.0, h * 0.26);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(std::max(10, int(bh * 0.42)));
    const QStringList labels{tr("z ~ p(z)"), tr("x ~ data"), m_critic ? tr("D (critic)") : tr("D")};
    // Each label as large as its box allows: a long one ("x ~ data") does not shrink the
    // short ones (G, D, the losses), which are the ones a class reads from afar.
    auto fitted = [&](const QString &label) {
        QFont f = font;
        while (f.pixelSize() > 9 && QFontMetricsF(f).horizontalAdvance(label) > bw * 0.88)
            f.setPixelSize(f.pixelSize() - 1);
        return f;
    };
    auto centre = [&](double c, double row) { return QPointF(col * (c + 0.5), top + h * row); };
    struct Node {
        QPointF at;
        QString label;
        QColor colour;
        int part;
        bool box;  // a network (a box) or a quantity (rounded)
    };
    const Node nodes[] = {
        {centre(0, 0.27), labels[0], kFakeColor, Noise, false},
        {centre(1, 0.27), tr("G"), kFakeColor, Generator, true},
        {centre(2, 0.27), tr("G(z)"), kFakeColor, Fakes, false},
        {centre(0, 0.78), labels[1], kRealColor, Data, false},
        {centre(3, 0.52), labels[2], kDColor, Discriminator, true},
        {centre(4, 0.27), tr("L_D"), kLossColor, LossD, false},
        {centre(4, 0.78), tr("L_G"), kLossColor, LossG, false},
    };
    auto rectOf = [&](const Node &n) { return QRectF(n.at.x() - bw / 2, n.at.y() - bh / 2, bw, bh); };
    auto arrow = [&](QPointF a, QPointF b, bool strong, bool dashed, const QColor &colour) {
        QPen pen(strong ? colour : faint, strong ? 3.0 : 1.5);
        if (dashed)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(a, b);
        const double angle = std::atan2(b.y() - a.y(), b.x() - a.x()), len = strong ? 12 : 9;
        QPolygonF head;
        head << b << b - QPointF(len * std::cos(angle - 0.4), len * std::sin(angle - 0.4))
             << b - QPointF(len * std::cos(angle + 0.4), len * std::sin(angle + 0.4));
        p.setBrush(strong ? colour : faint);
        p.setPen(Qt::NoPen);
        p.drawPolygon(head);
    };
    auto edge = [&](int from, int to, int part) {
        const QRectF a = rectOf(nodes[from]), b = rectOf(nodes[to]);
        const QPointF s(a.right(), a.center().y()), e(b.left(), b.center().y());
        arrow(s, e, (on & part) == part, false, text);
    };
    edge(0, 1, Noise | Generator);
    edge(1, 2, Generator | Fakes);
    edge(2, 4, Fakes | Discriminator);
    {
        // The data's long way round, under the generator's row.
        const QRectF a = rectOf(nodes[3]), b = rectOf(nodes[4]);
        arrow(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()), (on & (Data | Discriminator)) == (Data | Discriminator),
              false, text);
    }
    edge(4, 5, Discriminator | LossD);
    edge(4, 6, Discriminator | LossG);
    // The gradients flowing back: L_D into D (its update), L_G through D into G.
    auto feedback = [&](QPointF from, QPointF to, bool strong, double bend) {
        QPainterPath path(from);
        path.quadTo(QPointF((from.x() + to.x()) / 2, bend), to);
        QPen pen(strong ? kLossColor : faint, strong ? 3.0 : 1.2, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(strong ? kLossColor : faint);
        p.setPen(Qt::NoPen);
        p.drawEllipse(to, 4, 4);
    };
    feedback(rectOf(nodes[5]).topLeft() + QPointF(bw * 0.2, 0), rectOf(nodes[4]).topRight() - QPointF(bw * 0.2, 0), on & FeedD, top + h * 0.02);
    feedback(rectOf(nodes[6]).bottomLeft() + QPointF(bw * 0.1, 0), rectOf(nodes[1]).bottomRight() - QPointF(bw * 0.3, -2), on & FeedG, top + h * 1.05);

    for (const Node &n : nodes) {
        const bool strong = on & n.part;
        const QRectF r = rectOf(n);
        QColor fill = n.colour;
        fill.setAlpha(strong ? 70 : 18);
        p.setBrush(fill);
        p.setPen(QPen(strong ? n.colour : faint, strong ? 3.0 : 1.2));
        if (n.box)
            p.drawRect(r);
        else
            p.drawRoundedRect(r, bh / 2, bh / 2);
        p.setPen(strong ? text : faint);
        p.setFont(fitted(n.label));
        p.drawText(r, Qt::AlignCenter, n.label);
    }
}
