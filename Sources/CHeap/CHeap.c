// CHeap is one inline function in include/CHeap.h; SwiftPM wants a source file in a C target.
#include "CHeap.h"
