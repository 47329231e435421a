#include "datapreview.h"

#include "training/latestworker.h"

#include <algorithm>

DataPreview::DataPreview(QObject *parent) : QObject(parent), m_worker(std::make_unique<LatestWorker>(QStringLiteral("data preview")))
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(250);
    connect(&m_pause, &QTimer::timeout, this, &DataPreview::load);
}

DataPreview::~DataPreview() = default;

void DataPreview::follow(const DataSpec &data, std::uint64_t seed)
{
    if (m_following && data == m_spec && seed == m_seed)
        return;
    m_following = true;
    m_spec = data;
    m_seed = seed;
    m_loading = true;
    m_worker->renew();  // a preview still being made for older settings never arrives
    emit loading();
    m_pause.start();
}

void DataPreview::load()
{
    DataSpec data = m_spec;
    const int want = data.isTwoDimensional() ? kPoints : kImages;
    if (data.kind == DataKind::Synthetic2D)
        data.syntheticCount = std::min(data.syntheticCount, want);
    data.limit = data.limit > 0 ? std::min(data.limit, want) : want;
    const std::uint64_t seed = m_seed;
    LatestWorker *worker = m_worker.get();
    worker->post([this, worker, data, seed](const LatestWorker::Context &job) {
        DatasetLoad load = datasets::load(data, seed);
        worker->deliver(this, job.generation, [this, load = std::move(load)] {
            m_loading = false;
            m_data = load.data;
            m_error = load.error;
            emit changed();
        });
    });
}
