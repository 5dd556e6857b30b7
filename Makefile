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

deps:
	@scripts/install-deps

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
