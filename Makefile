# Short commands over CMake. `make run` and `make test` are all a newcomer needs.
BUILD    ?= build
SANITIZE ?= 0
JOBS     ?= $(shell nproc)
CMAKE_FLAGS ?=

ifeq ($(SANITIZE),1)
  BUILD := build-san
  CMAKE_FLAGS += -DDZ_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
endif

MAKEFLAGS += --no-print-directory

.PHONY: all deps build test run fuzz clean
all: build

# Debian packages (build, tests, and chromium for the browser test), then playwright-core from npm.
deps:
	@scripts/install-deps --browser
	@test -d tests/e2e/browser/node_modules/playwright-core || \
	  if node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null; then \
	    (cd tests/e2e/browser && npm ci --no-audit --no-fund --loglevel=error); \
	  else echo "deps: playwright-core needs Node.js 20 or later; the browser test will be skipped" >&2; fi

$(BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

run: build
	@$(BUILD)/duizhao check examples/sample.txt || test $$? = 1

# libFuzzer targets: `make fuzz FUZZ_SECONDS=60` runs each for that long.
FUZZ_SECONDS ?= 60
fuzz: deps
	@cmake -S . -B build-fuzz -DDZ_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/run-fuzz build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build build-san build-fuzz
