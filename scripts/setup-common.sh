# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run.

GP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GP_BUILD="${GP_BUILD:-$GP_ROOT/build}"

# Debian packages the project needs. libopenblas0-openmp matters: without it Debian's libtorch
# falls back to the reference BLAS and a DCGAN step is ~5x slower.
GP_PACKAGES=(
  cmake ninja-build ccache g++ pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-translations-l10n libgl-dev
  libqcustomplot-dev
  libtorch-dev libopenblas0-openmp libgloo-dev
  dataset-fashion-mnist
  zlib1g-dev
  xvfb xauth imagemagick
  fonts-noto-cjk
)

# What only the tests need besides: Debian's PyTorch for Python, which runs the scripts that
# `gan-playground-cli export` writes (tests/app/tst_export.cpp) and the Python baselines.
GP_TEST_PACKAGES=(python3-torch python3-numpy)

# gp_install_packages [MORE_PACKAGES...]: installs whatever of GP_PACKAGES (and those) is missing.
gp_install_packages() {
  local missing=()
  for p in "${GP_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "== installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# gp_build TYPE [CMAKE_ARGS...]: configures GP_BUILD once with those arguments, then builds
# the targets in GP_TARGETS (all when it is empty).
gp_build() {
  local type="${1:-Release}"
  shift || true
  if [ ! -f "$GP_BUILD/build.ninja" ]; then
    cmake -S "$GP_ROOT" -B "$GP_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
  fi
  local targets=()
  if [ -n "${GP_TARGETS[*]:-}" ]; then
    targets=(--target "${GP_TARGETS[@]}")
  fi
  # Two parallel compiles: each torch translation unit needs ~1 GB and ~20 s.
  cmake --build "$GP_BUILD" --parallel 2 "${targets[@]}"
}
