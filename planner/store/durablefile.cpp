// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/durablefile.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace planner {
namespace {

std::array<std::atomic<int>, 4> g_faults{};

// The injected errno of a step (and clears it), or 0.
int takeFault(DurableStep step)
{
    return g_faults[static_cast<std::size_t>(step)].exchange(0);
}

std::string folderOf(const std::string &path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// fsync of a file or folder opened read-only; returns 0 or an errno value.
int syncPath(const std::string &path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int result = 0;
    while (::fsync(fd) != 0) {
        if (errno != EINTR) {
            result = errno;
            break;
        }
    }
    ::close(fd);
    return result;
}

} // namespace

std::string systemErrorText(int errnoValue)
{
    return std::strerror(errnoValue);
}

void injectDurableFault(DurableStep step, int errnoValue)
{
    g_faults[static_cast<std::size_t>(step)] = errnoValue;
}

Expected<bool> createSideFile(const std::string &sidePath)
{
    int error = takeFault(DurableStep::CreateSideFile);
    if (error == 0) {
        const int fd = ::open(sidePath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0)
            error = errno;
        else
            ::close(fd);
    }
    if (error != 0)
        return Error{"cannot create the side file " + sidePath + ": " + systemErrorText(error)};
    return true;
}

Expected<bool> replaceDurably(const std::string &sidePath, const std::string &target)
{
    int error = takeFault(DurableStep::SyncFile);
    if (error == 0)
        error = syncPath(sidePath, O_RDONLY);
    if (error != 0) {
        removeSideFile(sidePath);
        return Error{"cannot flush " + sidePath + " to the disk (" + systemErrorText(error)
                     + "); the file on disk is unchanged"};
    }
    error = takeFault(DurableStep::Rename);
    if (error == 0 && std::rename(sidePath.c_str(), target.c_str()) != 0)
        error = errno;
    if (error != 0) {
        removeSideFile(sidePath);
        return Error{"cannot rename " + sidePath + " over it (" + systemErrorText(error)
                     + "); the file on disk is unchanged"};
    }
    error = takeFault(DurableStep::SyncFolder);
    if (error == 0)
        error = syncPath(folderOf(target), O_RDONLY | O_DIRECTORY);
    if (error != 0)
        return Error{"saved, but the folder " + folderOf(target)
                     + " could not be flushed to the disk (" + systemErrorText(error)
                     + "); the save may not survive a power loss"};
    return true;
}

void removeSideFile(const std::string &sidePath)
{
    std::error_code ignored;
    std::filesystem::remove(sidePath, ignored);
    std::filesystem::remove(sidePath + "-journal", ignored);
}

} // namespace planner
