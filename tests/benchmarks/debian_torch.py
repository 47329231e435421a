"""The Python baselines run on Debian's /usr/bin/python3 with Debian's python3-torch and
python3-numpy (the python3 on PATH may be another Python without them). ensure() installs what
is missing with apt-get (through sudo when not root) and runs the script again under
/usr/bin/python3 when it was started by another Python."""
import os, subprocess, sys

DEBIAN_PYTHON = '/usr/bin/python3'
PACKAGES = ['python3-torch', 'python3-numpy']


def _has_torch(python):
    return subprocess.run([python, '-c', 'import torch, numpy'], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def ensure():
    if os.path.realpath(sys.executable) == os.path.realpath(DEBIAN_PYTHON):
        try:
            import torch, numpy  # noqa: F401
            return
        except ImportError:
            pass
    if not _has_torch(DEBIAN_PYTHON):
        sudo = [] if os.geteuid() == 0 else ['sudo']
        print('installing ' + ' '.join(PACKAGES) + ' (Debian\'s PyTorch for the baselines)', file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
        subprocess.run(sudo + ['apt-get', 'update', '-qq'], check=True, env=env)
        subprocess.run(sudo + ['apt-get', 'install', '-y', '-qq', '--no-install-recommends'] + PACKAGES, check=True, env=env)
    os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
