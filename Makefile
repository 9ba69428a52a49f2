# Lectern: `make` installs what is missing, builds in release mode and renders the course;
# `make test` installs the same, runs the test suite, then checks every lesson's recorded outputs.

APT_PACKAGES := libcmark-dev libopenblas-dev libgd-dev fonts-dejavu-core fonts-dejavu-extra pkg-config
# A real browser for the tests whose subject is a rendered page.
TEST_PACKAGES := chromium
# Real consumers of what Lectern writes, for the tests (a JUnit reader for check's reports,
# Jupyter's notebook validator for export --ipynb).
TEST_PYTHON_PACKAGES := junitparser nbformat
# One OpenBLAS kernel set everywhere, so results are bit-identical across machines (lectern
# sets this itself when it is unset; the tests get it here).
export OPENBLAS_CORETYPE ?= Haswell
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
LECTERN := .build/release/lectern

.PHONY: all deps test-deps install build render test check clean

all: render

# Installs only the Debian packages that are missing, so a set-up machine is not touched.
deps:
	@$(MAKE) --no-print-directory install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install PACKAGES="$(APT_PACKAGES) $(TEST_PACKAGES)"
	@for p in $(TEST_PYTHON_PACKAGES); do \
	  python3 -c "import $$p" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check $$p; \
	done

install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product lectern
	$(SWIFT) build -c release --product lectern-preview

# The site, then each lesson as a Jupyter notebook, then the pages again so they link them
# (nothing re-runs the second time: outputs are frozen).
render: build
	$(LECTERN) render notebooks -o output
	$(LECTERN) export --ipynb notebooks -o output
	$(LECTERN) render notebooks -o output --quiet

test: test-deps
	$(SWIFT) test
	$(SWIFT) build -c release --product lectern
	$(LECTERN) check notebooks -o output

check: build
	$(LECTERN) check notebooks -o output

clean:
	rm -rf .build
